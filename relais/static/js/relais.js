// Progressive enhancement: chapter links seek the audio player instead of opening the file.
// Focus stays on the chapter link, so that keyboard users can pick another chapter at once;
// the player is scrolled into view and the chapter being played is marked as current.
document.addEventListener("click", function (event) {
  var link = event.target.closest("a[data-player]");
  if (!link) return;
  var player = document.getElementById(link.dataset.player);
  if (!player) return;
  event.preventDefault();
  player.currentTime = Number(link.dataset.start) || 0;
  var playing = player.play();
  if (playing) playing.catch(function () {}); // the visitor can still press play
  document.querySelectorAll('a[data-player="' + player.id + '"]').forEach(function (other) {
    if (other === link) other.setAttribute("aria-current", "true");
    else other.removeAttribute("aria-current");
  });
  player.scrollIntoView({ block: "nearest" });
});
