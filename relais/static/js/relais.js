// Progressive enhancement: chapter links seek the audio player instead of opening the file.
document.addEventListener("click", function (event) {
  var link = event.target.closest("a[data-player]");
  if (!link) return;
  var player = document.getElementById(link.dataset.player);
  if (!player) return;
  event.preventDefault();
  player.currentTime = Number(link.dataset.start) || 0;
  player.play();
  player.focus();
});
