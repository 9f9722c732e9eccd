"""Fictional demo content for the Budget citoyen du Pas-de-Calais.

Programme facts (stages, periods, orders of magnitude) follow the real programme;
every person, association and project below is invented. Texts are original,
published under CC BY-SA 4.0 like the rest of the site's content.
"""

PROGRAMME = {
    "name": "Budget citoyen du Pas-de-Calais",
    "collectivity": "Département du Pas-de-Calais",
    "description": (
        "<p>Chaque année depuis 2018, le Budget citoyen du Pas-de-Calais permet aux habitantes "
        "et aux habitants du département de proposer, puis de choisir ensemble, des initiatives "
        "citoyennes portées par les valeurs de l'économie sociale et solidaire (ESS) : "
        "coopération, entraide, lien social, implication des usagers, lucrativité limitée et "
        "ancrage local.</p>"
        "<p>Une idée écrite en quelques lignes, des <strong>comptoirs à initiatives "
        "citoyennes</strong> pour la faire grandir, un dossier, une labellisation, puis le vote "
        "des habitants dès 11 ans : les projets retenus reçoivent d'environ 4 500 € à 20 000 € "
        "pour voir le jour. En 2024, 188 porteurs se sont lancés, 91 dossiers ont été déposés, "
        "51 projets ont été labellisés et 6 331 personnes ont voté.</p>"
    ),
    "website": "https://www.pasdecalais.fr",
    "application_url": "https://budgetcitoyen.pasdecalais.fr",
    "application_label": "Proposer mon idée sur la plateforme du Budget citoyen",
    # The team that relays newcomers' questions to the ambassadors: fictional, like SITE_CONTACT.
    "contact_name": "L'équipe des ambassadeurs de l'ESS (association De rives en rêves)",
    "contact_email": "contact@relais.example.org",
    "contact_phone": "03 53 01 00 01",
    "contact_url": "",
}

# Dates of the demo's edition as (stage slug or None, label, (month, day), (month, day) or None),
# following the real calendar; the loader puts them in the current or next year.
PROGRAMME_DATES = [
    ("idee", "Inscriptions et dépôt des idées", (1, 15), (3, 31)),
    ("comptoir", "", (2, 2), (4, 4)),
    ("depot", "", (3, 2), (5, 15)),
    ("labellisation", "", (5, 18), (8, 28)),
    ("vote", "Vote des habitants en ligne", (9, 7), (9, 27)),
    ("proclamation", "Proclamation des lauréats au CDESS", (11, 19), None),
]

STAGES = [
    {
        "slug": "idee",
        "name": "L'idée",
        "short_description": (
            "Vous avez repéré un besoin autour de vous : vous vous inscrivez et décrivez votre "
            "idée en quelques lignes sur la plateforme du Budget citoyen."
        ),
        "typical_period": "À partir de mi-janvier",
        "action_label": "M'inscrire et décrire mon idée",
        "description": (
            "<p>Tout commence par une envie : un jardin au pied des immeubles, un atelier de "
            "réparation, des repas partagés pour les voisins isolés… Vous vous inscrivez sur la "
            "plateforme du Budget citoyen, qui ouvre en général à la mi-janvier, et vous décrivez "
            "votre idée en quelques lignes, avec vos mots.</p>"
            "<ul>"
            "<li>une phrase qui dit à qui sert votre idée et ce qu'elle change ;</li>"
            "<li>les prénoms des personnes prêtes à vous suivre ;</li>"
            "<li>une première intuition de ce qu'il faudrait acheter ou organiser.</li>"
            "</ul>"
            "<p>Habitant, collectif de voisins ou jeune association : vous avez votre place. "
            "Personne n'attend un projet abouti à ce stade, le reste se construit pendant les "
            "comptoirs.</p>"
        ),
    },
    {
        "slug": "comptoir",
        "name": "Comptoir à initiatives citoyennes",
        "short_description": (
            "Des ateliers obligatoires, animés près de chez vous par des ambassadeurs de l'ESS, "
            "pour construire votre idée, apprendre à la présenter et trouver des partenaires."
        ),
        "typical_period": "Février à début avril",
        "action_label": "M'inscrire à un comptoir sur la plateforme",
        "description": (
            "<p>Les comptoirs à initiatives citoyennes sont des ateliers organisés un peu partout "
            "dans le département (8 comptoirs en 2023). La participation est obligatoire pour "
            "déposer un dossier. Ils sont animés par des ambassadeurs de l'ESS, souvent "
            "d'anciens lauréats qui sont passés par là avant vous.</p>"
            "<ul>"
            "<li>construire l'idée : pour qui, avec qui, où, avec quels moyens ;</li>"
            "<li>apprendre à la présenter et à la défendre simplement ;</li>"
            "<li>rencontrer d'autres porteurs, trouver des partenaires et des pistes de "
            "financement.</li>"
            "</ul>"
            "<p>Venez comme vous êtes, avec votre idée en une phrase et vos questions. C'est "
            "justement l'endroit où l'on a le droit de ne pas savoir.</p>"
        ),
    },
    {
        "slug": "depot",
        "name": "Dépôt du dossier",
        "short_description": (
            "Vous déposez votre dossier en ligne : le projet, les personnes qui le portent, les "
            "partenaires, un budget prévisionnel et la place des valeurs de l'ESS."
        ),
        "typical_period": "Mars à mai",
        "action_label": "Déposer mon dossier sur la plateforme du Budget citoyen",
        "description": (
            "<p>Le dossier se dépose uniquement en ligne, sur plusieurs semaines. Il reprend ce "
            "que vous avez construit pendant les comptoirs : le besoin, le public, les actions "
            "prévues, les partenaires et le budget.</p>"
            "<ul>"
            "<li>un budget réaliste, appuyé sur des devis ou des prix relevés ;</li>"
            "<li>les noms de vos partenaires et ce que chacun apporte ;</li>"
            "<li>la manière dont les habitants participent aux décisions.</li>"
            "</ul>"
            "<p>Gardez une marge avant la date limite et faites relire votre dossier par "
            "quelqu'un d'extérieur, un ambassadeur par exemple. Un dossier clair et sincère "
            "vaut mieux qu'un dossier long.</p>"
        ),
    },
    {
        "slug": "labellisation",
        "name": "Labellisation",
        "short_description": (
            "Un comité examine chaque dossier au regard des critères de l'ESS et labellise les "
            "projets qui seront proposés au vote des habitants."
        ),
        "typical_period": "Mai à août",
        "description": (
            "<p>Un comité étudie les dossiers déposés et vérifie qu'ils répondent aux critères "
            "de l'économie sociale et solidaire :</p>"
            "<ul>"
            "<li>coopération et entraide ;</li>"
            "<li>création de lien social ;</li>"
            "<li>implication des usagers et des habitants ;</li>"
            "<li>lucrativité limitée ;</li>"
            "<li>ancrage local.</li>"
            "</ul>"
            "<p>Si votre projet n'est pas labellisé, ce n'est pas la fin de l'histoire : "
            "beaucoup de lauréats ont été recalés une première fois, ont demandé pourquoi, et "
            "sont revenus l'année suivante avec un projet plus solide.</p>"
        ),
    },
    {
        "slug": "vote",
        "name": "Vote des habitants",
        "short_description": (
            "En septembre, chaque habitant du Pas-de-Calais âgé d'au moins 11 ans choisit en "
            "ligne ses 3 projets favoris parmi les projets labellisés."
        ),
        "typical_period": "Septembre",
        "action_label": "Voter sur la plateforme du Budget citoyen",
        "description": (
            "<p>C'est le moment où les habitants décident. Toute personne qui vit dans le "
            "Pas-de-Calais peut voter en ligne dès 11 ans et choisir 3 projets favoris.</p>"
            "<p>Pas besoin d'un budget de communication : les projets qui mobilisent le mieux "
            "sont ceux qui vont à la rencontre des gens. Un stand au marché, une sortie d'école, "
            "un goûter dans le quartier, un mot dans les boîtes aux lettres : expliquez votre "
            "projet en trente secondes et rappelez comment voter.</p>"
            "<p>Pensez aussi aux autres porteurs : comme chacun vote pour trois projets, se "
            "soutenir entre voisins de projets profite à tout le monde.</p>"
        ),
    },
    {
        "slug": "proclamation",
        "name": "Proclamation",
        "short_description": (
            "Les résultats sont annoncés en novembre lors du Conseil départemental de l'ESS "
            "(CDESS) : un moment de fête et de rencontres."
        ),
        "typical_period": "Novembre",
        "description": (
            "<p>Les lauréats sont proclamés en novembre, lors du Conseil départemental de "
            "l'économie sociale et solidaire (CDESS). Porteurs de projets, élus et acteurs de "
            "l'ESS s'y retrouvent.</p>"
            "<p>Venez-y à plusieurs, avec de quoi présenter votre projet en deux mots : c'est "
            "une excellente occasion de rencontrer d'autres porteurs, des partenaires et de "
            "futurs bénévoles. Et si votre projet n'est pas retenu cette fois, les contacts "
            "noués ce soir-là seront précieux pour la suite.</p>"
        ),
    },
    {
        "slug": "realisation",
        "name": "Réalisation",
        "short_description": (
            "Le projet lauréat reçoit son financement, d'environ 4 500 € à 20 000 €, et passe à "
            "l'action avec ses bénévoles, ses partenaires et les habitants."
        ),
        "typical_period": "À partir de la fin d'année",
        "description": (
            "<p>Place à l'action : commander le matériel, aménager un lieu, lancer les premiers "
            "ateliers. Le financement du Budget citoyen va d'environ 4 500 € à 20 000 € selon "
            "les projets.</p>"
            "<ul>"
            "<li>répartissez les tâches entre plusieurs personnes pour ne pas vous épuiser ;</li>"
            "<li>gardez toutes les factures et notez les dépenses au fil de l'eau ;</li>"
            "<li>prenez des photos et racontez ce qui se passe, cela servira au bilan.</li>"
            "</ul>"
            "<p>Les imprévus font partie du chemin : un devis qui augmente, un local qui tarde. "
            "Les ambassadeurs sont là pour en parler avec vous.</p>"
        ),
    },
    {
        "slug": "ambassadeur",
        "name": "Ambassadeur",
        "short_description": (
            "Le lauréat transmet à son tour : il anime des comptoirs, participe aux comités et "
            "accompagne les nouveaux porteurs d'idées."
        ),
        "typical_period": "Toute l'année",
        "action_label": "Raconter mon parcours dans l'espace ambassadeurs",
        "action_url": "/contribuer/",
        "description": (
            "<p>Une fois leur projet réalisé, beaucoup de lauréats deviennent ambassadeurs de "
            "l'ESS. Ils animent des comptoirs à initiatives citoyennes, participent aux comités, "
            "relisent des dossiers et répondent aux questions des nouveaux venus.</p>"
            "<p>Être ambassadeur, c'est rendre ce que l'on a reçu : raconter ses réussites "
            "comme ses erreurs, pour que d'autres osent se lancer. Sur Relais, les ambassadeurs "
            "partagent leurs histoires, leurs astuces et leurs pièges à éviter.</p>"
        ),
    },
]

THEMES = [
    ("culture", "Culture"),
    ("sport", "Sport"),
    ("alimentation", "Alimentation"),
    ("handicap", "Handicap et inclusion"),
    ("environnement", "Environnement"),
    ("solidarite", "Solidarité"),
    ("mobilite", "Mobilité"),
    ("reemploi", "Réemploi et réparation"),
    ("education", "Éducation populaire"),
    ("numerique", "Numérique"),
    ("sante", "Santé et bien-être"),
]

TERRITORIES = [
    {
        "slug": "ca-lens-lievin",
        "name": "Communauté d'agglomération de Lens-Liévin",
        "kind": "intercommunality",
        "parent": None,
    },
    {
        "slug": "cu-arras",
        "name": "Communauté urbaine d'Arras",
        "kind": "intercommunality",
        "parent": None,
    },
    {
        "slug": "ca-boulonnais",
        "name": "Communauté d'agglomération du Boulonnais",
        "kind": "intercommunality",
        "parent": None,
    },
    {
        "slug": "ca-bethune-bruay",
        "name": "Communauté d'agglomération de Béthune-Bruay, Artois-Lys Romane",
        "kind": "intercommunality",
        "parent": None,
    },
    {
        "slug": "cc-7-vallees",
        "name": "Communauté de communes des 7 Vallées",
        "kind": "intercommunality",
        "parent": None,
    },
    {"slug": "lens", "name": "Lens", "kind": "commune", "parent": "ca-lens-lievin"},
    {"slug": "lievin", "name": "Liévin", "kind": "commune", "parent": "ca-lens-lievin"},
    {"slug": "avion", "name": "Avion", "kind": "commune", "parent": "ca-lens-lievin"},
    {"slug": "arras", "name": "Arras", "kind": "commune", "parent": "cu-arras"},
    {"slug": "achicourt", "name": "Achicourt", "kind": "commune", "parent": "cu-arras"},
    {
        "slug": "boulogne-sur-mer",
        "name": "Boulogne-sur-Mer",
        "kind": "commune",
        "parent": "ca-boulonnais",
    },
    {"slug": "outreau", "name": "Outreau", "kind": "commune", "parent": "ca-boulonnais"},
    {"slug": "bethune", "name": "Béthune", "kind": "commune", "parent": "ca-bethune-bruay"},
    {
        "slug": "bruay-la-buissiere",
        "name": "Bruay-la-Buissière",
        "kind": "commune",
        "parent": "ca-bethune-bruay",
    },
    {"slug": "hesdin", "name": "Hesdin", "kind": "commune", "parent": "cc-7-vallees"},
]

AMBASSADORS = [
    {
        "slug": "nadia-b",
        "display_name": "Nadia B.",
        "structure": "Les Jardins des Corons",
        "years_labelled": "2019, 2022",
        "bio": (
            "Nadia a grandi à Liévin et n'avait jamais rempli le moindre dossier avant 2019. "
            "Avec deux voisines, elle a transformé une friche entre deux rangées de corons en "
            "jardin partagé où l'on cultive, cuisine et bavarde. Labellisée deux fois, elle "
            "anime désormais un comptoir à initiatives citoyennes chaque hiver. Sa devise : "
            "« Une idée qui fait du bien à ta rue, c'est déjà une idée pour le Budget citoyen. »"
        ),
        "public_profile": True,
        "photo_alt": "Portrait dessiné (personnage fictif) de Nadia B.",
    },
    {
        "slug": "karim-h",
        "display_name": "Karim H.",
        "structure": "Vélos en Partage",
        "years_labelled": "2020",
        "bio": (
            "Mécanicien vélo le jour, bénévole le soir, Karim a monté à Arras un atelier où "
            "chacun apprend à réparer son vélo plutôt que de le jeter. Le Budget citoyen lui a "
            "permis d'acheter l'outillage et les premières pièces, et surtout de rencontrer "
            "d'autres associations du coin. Pendant le vote, il a sillonné les marchés avec un "
            "vélo-cargo et beaucoup de bonne humeur. Pour lui, une campagne de vote, c'est "
            "d'abord des conversations."
        ),
        "public_profile": True,
        "photo_alt": "Portrait dessiné (personnage fictif) de Karim H.",
    },
    {
        "slug": "sylvie-d",
        "display_name": "Sylvie D.",
        "structure": "Recyclerie du Faubourg",
        "years_labelled": "2021",
        "bio": (
            "Sylvie a connu la déception avant la réussite : son premier dossier, en 2019, n'a "
            "pas été labellisé. Plutôt que d'abandonner, elle a demandé pourquoi, a remis les "
            "habitants de son quartier de Béthune au cœur du projet et est revenue en 2021. "
            "La recyclerie du Faubourg donne aujourd'hui une seconde vie à des milliers "
            "d'objets chaque année. Elle accompagne volontiers les porteurs qui doutent après "
            "un refus."
        ),
        "public_profile": True,
        "photo_alt": "Portrait dessiné (personnage fictif) de Sylvie D.",
    },
    {
        "slug": "jeremy-l",
        "display_name": "Jérémy L.",
        "structure": "Handi'Sport Ensemble Artois",
        "years_labelled": "2021, 2023",
        "bio": (
            "Je suis éducateur sportif et papa d'une jeune fille en fauteuil. En 2021, avec "
            "d'autres parents d'Achicourt, nous avons lancé des séances de boccia où personnes "
            "valides et handicapées jouent dans la même équipe. Le Budget citoyen nous a aidés "
            "deux fois : pour le matériel, puis pour un tournoi ouvert à tous. Aujourd'hui, je "
            "donne un coup de main aux clubs qui veulent devenir plus accessibles."
        ),
        "public_profile": True,
        "photo_alt": "Portrait dessiné (personnage fictif) de Jérémy L.",
    },
    {
        "slug": "odile-v",
        "display_name": "Odile V.",
        "structure": "Les Cuisines du Partage",
        "years_labelled": "2019",
        "bio": (
            "Retraitée de la restauration scolaire, Odile ne supportait plus de savoir des "
            "voisins d'Outreau mangeant seuls devant la télévision. Elle a réuni une dizaine "
            "d'habitants autour d'une cuisine collective où l'on prépare ensemble, chaque "
            "semaine, des repas à petit prix. Le Budget citoyen a financé l'équipement de la "
            "cuisine et les premiers ateliers. Elle conseille aujourd'hui les porteurs de "
            "projets alimentaires, avec une rigueur redoutable sur l'hygiène et le budget."
        ),
        "public_profile": True,
        "photo_alt": "Portrait dessiné (personnage fictif) de Odile V.",
    },
    {
        "slug": "thomas-p",
        "display_name": "Thomas P.",
        "structure": "Compagnie du Terril",
        "years_labelled": "2024",
        "bio": (
            "Comédien amateur, Thomas veut faire entrer le théâtre dans les quartiers de "
            "Bruay-la-Buissière où il ne passe jamais. Recalé en 2023, son projet a été "
            "labellisé en 2024 après deux comptoirs et un budget entièrement revu. Il prépare "
            "avec des collégiens une création sur la mémoire minière. Il préfère rester discret "
            "pour l'instant, mais répond volontiers aux questions que l'équipe lui transmet."
        ),
        "public_profile": False,
        "photo_alt": "Portrait dessiné (personnage fictif) de Thomas P.",
    },
]

PROJECTS = [
    {
        "slug": "jardin-des-corons",
        "name": "Le jardin partagé des Corons",
        "carrier": "Les Jardins des Corons",
        "commune": "lievin",
        "themes": ["environnement", "alimentation"],
        "short_description": (
            "Une friche entre deux rangées de corons devenue jardin partagé : potager, bacs "
            "surélevés accessibles et cuisine d'été. Les voisins y cultivent ensemble, "
            "partagent les récoltes et accueillent les écoles du quartier."
        ),
        "editions": [(2019, True, 8500), (2022, True, 12000)],
        "ambassadors": ["nadia-b"],
    },
    {
        "slug": "atelier-velo-solidaire",
        "name": "L'atelier vélo solidaire",
        "carrier": "Vélos en Partage",
        "commune": "arras",
        "themes": ["mobilite", "reemploi"],
        "short_description": (
            "Un atelier participatif où chacun apprend à réparer son vélo avec des pièces de "
            "récupération. Deux soirs par semaine, des bénévoles accompagnent petits et grands, "
            "et les vélos abandonnés retrouvent une seconde vie."
        ),
        "editions": [(2020, True, 14500)],
        "ambassadors": ["karim-h"],
    },
    {
        "slug": "recyclerie-du-faubourg",
        "name": "La recyclerie du Faubourg",
        "carrier": "Recyclerie du Faubourg",
        "commune": "bethune",
        "themes": ["reemploi", "environnement"],
        "short_description": (
            "Une recyclerie de quartier qui collecte meubles, vaisselle et jouets, les remet en "
            "état et les revend à petit prix. Les habitants choisissent les horaires, animent "
            "les ateliers et décident ensemble de l'usage des recettes."
        ),
        "editions": [(2019, False, None), (2021, True, 18000)],
        "ambassadors": ["sylvie-d"],
    },
    {
        "slug": "boccia-pour-tous",
        "name": "Boccia pour tous",
        "carrier": "Handi'Sport Ensemble Artois",
        "commune": "achicourt",
        "themes": ["handicap", "sport"],
        "short_description": (
            "Des séances hebdomadaires de boccia où personnes valides et personnes en situation "
            "de handicap jouent dans les mêmes équipes. Un tournoi annuel ouvert à tous réunit "
            "familles, clubs et habitants."
        ),
        "editions": [(2021, True, 9800), (2023, True, 6500)],
        "ambassadors": ["jeremy-l"],
    },
    {
        "slug": "cuisines-du-partage",
        "name": "Les Cuisines du partage",
        "carrier": "Les Cuisines du Partage",
        "commune": "outreau",
        "themes": ["alimentation", "solidarite"],
        "short_description": (
            "Une cuisine collective où, chaque semaine, des habitants préparent ensemble des "
            "repas à petit prix et repartent avec des parts pour les jours suivants. Une "
            "réponse simple à l'isolement des personnes âgées du quartier."
        ),
        "editions": [(2019, True, 11200)],
        "ambassadors": ["odile-v"],
    },
    {
        "slug": "theatre-au-pied-du-terril",
        "name": "Théâtre au pied du terril",
        "carrier": "Compagnie du Terril",
        "commune": "bruay-la-buissiere",
        "themes": ["culture", "education"],
        "short_description": (
            "Des ateliers de théâtre pour les collégiens et leurs familles, qui aboutissent à "
            "une création en plein air sur la mémoire minière. Le projet fait venir le théâtre "
            "dans des quartiers où il ne passe presque jamais."
        ),
        "editions": [(2023, False, None), (2024, True, 7500)],
        "ambassadors": ["thomas-p"],
    },
    {
        "slug": "repair-cafe-des-7-vallees",
        "name": "Le repair café des 7 Vallées",
        "carrier": "Collectif informel Répare & Partage",
        "commune": "hesdin",
        "themes": ["reemploi", "solidarite"],
        "short_description": (
            "Un samedi par mois, six bénévoles aux savoir-faire variés réparent avec les "
            "habitants leurs grille-pain, vêtements et lampes. On apprend, on discute autour "
            "d'un café, et les objets évitent la déchetterie."
        ),
        "editions": [(2022, False, None), (2023, True, 4500)],
        "ambassadors": ["sylvie-d"],
    },
    {
        "slug": "bibliotheque-de-rue",
        "name": "La bibliothèque de rue",
        "carrier": "Collectif informel Les Livres Voyageurs",
        "commune": "avion",
        "themes": ["culture", "education"],
        "short_description": (
            "Une cabane à livres au pied des immeubles et une lecture à voix haute chaque "
            "mercredi après-midi. Les livres s'empruntent sans carte ni inscription, et les "
            "enfants deviennent peu à peu les lecteurs des plus petits."
        ),
        "editions": [(2024, True, 5200)],
        "ambassadors": ["nadia-b"],
    },
    {
        "slug": "pedibus-des-ecoliers",
        "name": "Le Pédibus des écoliers",
        "carrier": "Parents en Marche",
        "commune": "boulogne-sur-mer",
        "themes": ["mobilite", "education"],
        "short_description": (
            "Des « lignes » de ramassage à pied, avec arrêts et horaires, pour accompagner les "
            "enfants jusqu'à l'école. Parents et grands-parents bénévoles se relaient, et les "
            "enfants apprennent la sécurité routière en marchant."
        ),
        "editions": [(2022, True, 6000)],
        "ambassadors": ["karim-h"],
    },
    {
        "slug": "epicerie-sur-roues",
        "name": "L'épicerie solidaire sur roues",
        "carrier": "Panier Solidaire",
        "commune": "lens",
        "themes": ["alimentation", "solidarite"],
        "short_description": (
            "Un utilitaire aménagé en épicerie itinérante qui s'arrête chaque semaine dans les "
            "quartiers éloignés des commerces. Produits de base à petit prix, légumes de "
            "maraîchers voisins, et un moment pour discuter."
        ),
        "editions": [(2020, False, None), (2021, True, 20000)],
        "ambassadors": ["odile-v"],
    },
    {
        "slug": "foot-en-marchant",
        "name": "Le foot en marchant",
        "carrier": "Les Marcheurs du Ballon",
        "commune": "arras",
        "themes": ["sport", "solidarite"],
        "short_description": (
            "Des séances de football en marchant, sans contact ni course, pour les plus de "
            "55 ans. Les bénévoles vont chercher les personnes isolées, et la séance se termine "
            "toujours par un café partagé."
        ),
        "editions": [(2023, True, 5600)],
        "ambassadors": ["jeremy-l"],
    },
    {
        "slug": "rucher-pedagogique",
        "name": "Le rucher pédagogique",
        "carrier": "Collectif informel Les Butineurs",
        "commune": "bethune",
        "themes": ["environnement", "education"],
        "short_description": (
            "Six ruches installées sur un terrain prêté, où écoles et habitants découvrent les "
            "abeilles et les pollinisateurs. Les apiculteurs amateurs du collectif transmettent "
            "leurs gestes et plantent des haies mellifères avec les voisins."
        ),
        "editions": [(2022, True, 9000)],
        "ambassadors": [],
    },
]

CAPSULES = [
    {
        "slug": "nadia-le-comptoir",
        "title": "Nadia : « Au comptoir, j'ai appris à dire mon idée en une phrase »",
        "transcript": (
            "Bonjour, moi c'est Nadia, du jardin des Corons, à Liévin. La première fois que je "
            "suis allée à un comptoir, j'avais trois pages de notes et je n'arrivais pas à "
            "expliquer mon idée. L'animatrice m'a juste demandé : en une phrase, ça sert à qui ?"
            "\n\n"
            "J'ai bafouillé, et puis j'ai dit : un jardin pour que les voisins se reparlent. "
            "Et là, tout le monde a compris. Cette phrase, je l'ai gardée jusqu'au vote."
            "\n\n"
            "Au comptoir, on rencontre aussi les autres porteurs. Une dame qui montait une "
            "épicerie solidaire m'a donné le contact d'un maraîcher, qui nous a offert nos "
            "premiers plants. Ça, aucun formulaire ne vous l'apporte."
            "\n\n"
            "Alors mon conseil : venez au comptoir même si vous ne vous sentez pas prêts. On y "
            "vient justement pour ça. Et venez à deux, c'est plus facile."
        ),
        "chapters": [
            ("0:00", "Trois pages de notes"),
            ("0:14", "La phrase qui a tout changé"),
            ("0:24", "Les rencontres du comptoir"),
        ],
    },
    {
        "slug": "karim-le-vote",
        "title": "Karim : « Le vote, c'est d'abord des conversations »",
        "transcript": (
            "Je m'appelle Karim, je m'occupe de l'atelier vélo solidaire, à Arras. En "
            "septembre, quand le vote a commencé, j'ai d'abord paniqué. On n'avait pas un "
            "centime pour la communication, et je croyais qu'il fallait des affiches partout."
            "\n\n"
            "En fait, ce qui a marché, c'est de parler aux gens. Chaque samedi, on installait "
            "le vélo-cargo au marché, avec une tablette. On expliquait le projet en trente "
            "secondes, et ceux qui le voulaient votaient sur place, à partir de onze ans. Les "
            "collégiens ont adoré, ils ont ramené leurs parents."
            "\n\n"
            "Autre chose : chacun vote pour trois projets. Alors on parlait aussi des projets "
            "des copains. Ça crée de la solidarité entre porteurs."
            "\n\n"
            "Mon conseil : ne comptez pas seulement sur les réseaux sociaux. Allez là où les "
            "gens sont déjà."
        ),
        "chapters": [
            ("0:00", "La panique de septembre"),
            ("0:13", "Un vélo-cargo au marché"),
            ("0:30", "Voter pour trois projets"),
        ],
    },
    {
        "slug": "sylvie-apres-un-refus",
        "title": "Sylvie : « Ne pas être labellisée m'a rendue plus forte »",
        "transcript": (
            "Bonjour, je suis Sylvie, de la recyclerie du Faubourg, à Béthune. En 2019, "
            "notre dossier n'a pas été labellisé. Sur le coup, j'ai eu envie de tout "
            "arrêter. Je me suis dit que ce n'était pas pour des gens comme nous."
            "\n\n"
            "Et puis j'ai demandé pourquoi. On m'a expliqué que notre projet ressemblait à une "
            "petite boutique, et qu'on ne voyait pas la place des habitants. C'était vrai : on "
            "avait tout décidé entre nous, à trois."
            "\n\n"
            "Alors on a tout repris. On a organisé des réunions au centre social, et les "
            "habitants ont choisi les horaires, les ateliers, même le nom. En 2021, "
            "on a été labellisés, puis choisis par le vote."
            "\n\n"
            "Mon conseil : un refus, ce n'est pas un verdict sur vous. C'est une information. "
            "Demandez un retour, entourez-vous, et revenez."
        ),
        "chapters": [
            ("0:00", "Le premier refus"),
            ("0:13", "Comprendre pourquoi"),
            ("0:25", "Revenir avec les habitants"),
        ],
    },
]


STORIES = [
    {
        "slug": "un-jardin-pour-que-les-voisins-se-reparlent",
        "title": "Un jardin pour que les voisins se reparlent",
        "intro": (
            "À Liévin, Nadia et deux voisines ont transformé une friche entre deux rangées de "
            "corons en jardin partagé. Tout est parti d'une phrase trouvée au comptoir."
        ),
        "project": "jardin-des-corons",
        "ambassadors": ["nadia-b"],
        "stages": ["comptoir", "ambassadeur"],
        "themes": ["environnement", "alimentation"],
        "body": [
            (
                "text",
                "<p>En 2018, la friche derrière la rue de Nadia servait surtout de dépôt sauvage. "
                "« On passait devant sans la voir », raconte-t-elle. Un soir, autour d'un café, "
                "trois voisines se demandent ce qu'on pourrait bien en faire. L'idée d'un jardin "
                "partagé naît ce soir-là.</p>"
                "<p>Aucune d'elles n'avait jamais monté de projet. C'est au <strong>comptoir à "
                "initiatives citoyennes</strong> que l'idée a pris forme : un public, des "
                "partenaires, un premier budget.</p>",
            ),
            (
                "quote",
                {
                    "text": (
                        "Au comptoir, on m'a demandé : en une phrase, ça sert à qui ? J'ai "
                        "répondu : à ce que les voisins se reparlent. Tout est parti de là."
                    ),
                    "author": "Nadia B.",
                    "role": "Ambassadrice, Les Jardins des Corons",
                },
            ),
            ("audio", "nadia-le-comptoir"),
            (
                "tip",
                {
                    "kind": "astuce",
                    "title": "Venez au comptoir avec une phrase, pas avec un dossier",
                    "text": (
                        "Préparez une seule phrase qui dit à qui sert votre idée et ce qu'elle "
                        "change. Le reste se construit sur place, avec les autres participants "
                        "et les ambassadeurs."
                    ),
                },
            ),
            (
                "timeline",
                {
                    "title": "Le parcours du projet",
                    "steps": [
                        (
                            "idee",
                            "Janvier 2019",
                            "Inscription sur la plateforme et idée décrite en cinq lignes.",
                        ),
                        (
                            "comptoir",
                            "Mars 2019",
                            "Deux séances de comptoir : la phrase d'accroche et la rencontre avec un "
                            "maraîcher qui offre les premiers plants.",
                        ),
                        (
                            "vote",
                            "Septembre 2019",
                            "Porte-à-porte dans la cité et goûter sur la friche pour présenter le "
                            "projet.",
                        ),
                        (
                            "realisation",
                            "2020",
                            "8 500 € pour les bacs, les outils et un récupérateur d'eau de pluie.",
                        ),
                        (
                            "ambassadeur",
                            "Depuis 2023",
                            "Nadia anime à son tour un comptoir chaque hiver.",
                        ),
                    ],
                },
            ),
            (
                "key_figures",
                {
                    "title": "Le jardin en chiffres",
                    "figures": [
                        ("2", "labellisations, en 2019 et en 2022"),
                        ("20 500 €", "reçus du Budget citoyen au total"),
                        ("35", "familles qui jardinent"),
                    ],
                },
            ),
            (
                "image",
                {
                    "alt_text": "Dessin d'exemple : des habitants côte à côte devant une rangée de maisons colorées, sous le soleil",
                    "caption": "Le jardin des Corons est né d'une friche et d'une conversation entre voisines.",
                    "credit": "Illustration Relais",
                },
            ),
            (
                "text",
                "<p>En 2022, le jardin a été labellisé une seconde fois pour construire une "
                "cuisine d'été et accueillir les écoles. Nadia est aujourd'hui ambassadrice : "
                "« Je rends ce qu'on m'a donné. Au comptoir, je pose la même question qu'on m'a "
                "posée. »</p>",
            ),
        ],
    },
    {
        "slug": "l-atelier-velo-qui-a-gagne-le-vote-au-marche",
        "title": "L'atelier vélo qui a gagné le vote au marché",
        "intro": (
            "Sans budget de communication, Karim et les bénévoles de Vélos en Partage ont fait "
            "campagne là où les Arrageois se trouvent déjà : au marché du samedi, avec un "
            "vélo-cargo et beaucoup de conversations."
        ),
        "project": "atelier-velo-solidaire",
        "ambassadors": ["karim-h"],
        "stages": ["vote", "realisation"],
        "themes": ["mobilite", "reemploi"],
        "body": [
            (
                "text",
                "<p>À Arras, des dizaines de vélos dorment dans les caves faute d'une chambre à "
                "air ou d'un câble de frein. Karim, mécanicien, en avait assez de voir des vélos "
                "réparables partir à la déchetterie. Avec quelques amis, il imagine un atelier où "
                "chacun apprend à réparer lui-même, avec des pièces de récupération.</p>"
                "<p>Le dossier est labellisé en 2020. Reste l'étape la plus intimidante pour "
                "l'équipe : <strong>le vote des habitants</strong>.</p>",
            ),
            ("audio", "karim-le-vote"),
            (
                "tip",
                {
                    "kind": "bon-plan",
                    "title": "Un stand au marché vaut mieux qu'une pile d'affiches",
                    "text": (
                        "Installez-vous là où les gens passent déjà : marché, sortie d'école, "
                        "fête de quartier. Expliquez le projet en trente secondes et proposez "
                        "une tablette à ceux qui veulent voter sur place : chacun choisit "
                        "librement ses trois favoris."
                    ),
                },
            ),
            (
                "tip",
                {
                    "kind": "piege",
                    "title": "Oublier les plus jeunes",
                    "text": (
                        "On peut voter dès 11 ans. Les collégiens sont d'excellents relais : "
                        "ils votent, puis ils en parlent à la maison."
                    ),
                },
            ),
            (
                "quote",
                {
                    "text": (
                        "On votait pour trois projets. Alors on parlait aussi de ceux des "
                        "copains : tout le monde y gagnait."
                    ),
                    "author": "Karim H.",
                    "role": "Ambassadeur, Vélos en Partage",
                },
            ),
            (
                "timeline",
                {
                    "title": "Le parcours du projet",
                    "steps": [
                        (
                            "comptoir",
                            "Février 2020",
                            "Karim apprend à présenter l'atelier en trente secondes.",
                        ),
                        (
                            "depot",
                            "Avril 2020",
                            "Dossier déposé avec trois devis pour l'outillage.",
                        ),
                        (
                            "vote",
                            "Septembre 2020",
                            "Quatre samedis au marché avec le vélo-cargo et une tablette.",
                        ),
                        (
                            "proclamation",
                            "Novembre 2020",
                            "Le projet figure parmi les lauréats annoncés au CDESS.",
                        ),
                        ("realisation", "2021", "Ouverture de l'atelier deux soirs par semaine."),
                    ],
                },
            ),
            (
                "key_figures",
                {
                    "title": "Un an après",
                    "figures": [
                        ("14 500 €", "reçus du Budget citoyen"),
                        ("320", "vélos remis en route"),
                        ("2", "soirées d'atelier par semaine"),
                    ],
                },
            ),
            (
                "image",
                {
                    "alt_text": "Dessin d'exemple : des habitants côte à côte devant une rangée de maisons colorées, sous le soleil",
                    "caption": "À l'atelier de Vélos en Partage, on apprend à réparer plutôt qu'à jeter.",
                    "credit": "Illustration Relais",
                },
            ),
        ],
    },
    {
        "slug": "recalee-en-2019-laureate-en-2021",
        "title": "Recalée en 2019, lauréate en 2021",
        "intro": (
            "Le premier dossier de la recyclerie du Faubourg n'a pas été labellisé. Sylvie a "
            "demandé pourquoi, remis les habitants au centre du projet, et est revenue deux ans "
            "plus tard."
        ),
        "project": "recyclerie-du-faubourg",
        "ambassadors": ["sylvie-d"],
        "stages": ["depot", "labellisation"],
        "themes": ["reemploi", "environnement"],
        "body": [
            (
                "text",
                "<p>La recyclerie du Faubourg, à Béthune, collecte meubles, vaisselle et jouets, "
                "les remet en état et les revend à petit prix. Mais en 2019, le projet ressemblait "
                "surtout à une petite boutique imaginée par trois amis.</p>"
                "<p>Le comité de labellisation a posé les bonnes questions : où sont les "
                "habitants ? Qui décide ? Le dossier n'a pas été labellisé.</p>",
            ),
            ("audio", "sylvie-apres-un-refus"),
            (
                "quote",
                {
                    "text": "Un refus, ce n'est pas un verdict sur vous. C'est une information.",
                    "author": "Sylvie D.",
                    "role": "Ambassadrice, Recyclerie du Faubourg",
                },
            ),
            (
                "tip",
                {
                    "kind": "piege",
                    "title": "Tout décider entre soi",
                    "text": (
                        "La labellisation regarde la coopération et l'implication des usagers. "
                        "Montrez concrètement comment les habitants participent aux choix : "
                        "réunions ouvertes, horaires décidés ensemble, bénévoles du "
                        "quartier."
                    ),
                },
            ),
            (
                "tip",
                {
                    "kind": "astuce",
                    "title": "Relisez votre dossier avec les critères sous les yeux",
                    "text": (
                        "Avant de déposer, reprenez un à un les critères de l'ESS "
                        "(coopération, entraide, lien social, implication des usagers, "
                        "lucrativité limitée, ancrage local) et vérifiez qu'une phrase de "
                        "votre dossier répond à chacun."
                    ),
                },
            ),
            (
                "timeline",
                {
                    "title": "Le parcours du projet",
                    "steps": [
                        ("depot", "Mai 2019", "Premier dossier, écrit à trois."),
                        (
                            "labellisation",
                            "Été 2019",
                            "Projet non labellisé : l'équipe demande un retour.",
                        ),
                        (
                            "comptoir",
                            "Février 2021",
                            "Retour au comptoir, cette fois avec cinq habitantes du quartier.",
                        ),
                        ("labellisation", "Été 2021", "Projet labellisé."),
                        (
                            "realisation",
                            "2022",
                            "18 000 € pour aménager l'atelier et l'espace de vente.",
                        ),
                    ],
                },
            ),
            (
                "key_figures",
                {
                    "title": "La recyclerie en chiffres",
                    "figures": [
                        ("2", "dossiers déposés"),
                        ("18 000 €", "reçus du Budget citoyen"),
                        ("40", "bénévoles du quartier"),
                    ],
                },
            ),
            (
                "image",
                {
                    "alt_text": "Dessin d'exemple : des habitants côte à côte devant une rangée de maisons colorées, sous le soleil",
                    "caption": "La recyclerie du Faubourg a trouvé sa forme grâce aux habitants du quartier.",
                    "credit": "Illustration Relais",
                },
            ),
        ],
    },
    {
        "slug": "la-boccia-ou-tout-le-monde-joue-ensemble",
        "title": "La boccia, où tout le monde joue ensemble",
        "intro": (
            "À Achicourt, des parents ont lancé des séances de boccia mêlant personnes valides "
            "et handicapées. Leur vrai défi est venu après le financement : faire durer le "
            "projet."
        ),
        "project": "boccia-pour-tous",
        "ambassadors": ["jeremy-l"],
        "stages": ["realisation"],
        "themes": ["handicap", "sport"],
        "body": [
            (
                "text",
                "<p>La boccia ressemble à la pétanque, se joue assis, avec des balles en cuir. "
                "Pour Jérémy, éducateur sportif et papa d'une jeune fille en fauteuil, c'était le "
                "sport idéal pour que tout le monde joue enfin dans la même équipe.</p>"
                "<p>En 2021, le Budget citoyen finance le matériel : gouttières, balles, chaises "
                "adaptées. Mais c'est pendant la <strong>réalisation</strong> que l'équipe a le "
                "plus appris.</p>",
            ),
            (
                "quote",
                {
                    "text": (
                        "On croyait que le plus dur, c'était d'être choisis. En vrai, le plus "
                        "dur, c'est de tenir le rythme une fois le matériel arrivé."
                    ),
                    "author": "Jérémy L.",
                    "role": "Ambassadeur, Handi'Sport Ensemble Artois",
                },
            ),
            (
                "tip",
                {
                    "kind": "astuce",
                    "title": "Pensez à l'après dès le dossier",
                    "text": (
                        "Qui ouvre la salle ? Qui range le matériel ? Qui prend le relais en "
                        "cas d'absence ? Répartir ces tâches entre plusieurs bénévoles dès le "
                        "départ évite que tout repose sur une seule personne."
                    ),
                },
            ),
            (
                "tip",
                {
                    "kind": "bon-plan",
                    "title": "Empruntez avant d'acheter",
                    "text": (
                        "Avant de commander, l'équipe a emprunté un jeu de boccia à un comité "
                        "sportif pendant deux mois. Résultat : un matériel mieux choisi et des "
                        "devis plus justes dans le budget."
                    ),
                },
            ),
            (
                "timeline",
                {
                    "title": "Le parcours du projet",
                    "steps": [
                        (
                            "idee",
                            "Janvier 2021",
                            "Trois familles décrivent leur idée : un sport que l'on pratique "
                            "ensemble, quel que soit son handicap.",
                        ),
                        (
                            "comptoir",
                            "Mars 2021",
                            "Rencontre avec le club de basket voisin, qui prête son gymnase le "
                            "samedi.",
                        ),
                        (
                            "realisation",
                            "2022",
                            "9 800 € pour le matériel adapté et la formation de six bénévoles.",
                        ),
                        (
                            "realisation",
                            "2024",
                            "Nouveau coup de pouce de 6 500 € pour un tournoi ouvert à tous.",
                        ),
                    ],
                },
            ),
            (
                "key_figures",
                {
                    "title": "Boccia pour tous en chiffres",
                    "figures": [
                        ("16 300 €", "reçus en deux éditions"),
                        ("60", "joueuses et joueurs réguliers"),
                        ("1", "tournoi ouvert à tous chaque année"),
                    ],
                },
            ),
            (
                "image",
                {
                    "alt_text": "Dessin d'exemple : des habitants côte à côte devant une rangée de maisons colorées, sous le soleil",
                    "caption": "À Achicourt, valides et handicapés jouent dans les mêmes équipes.",
                    "credit": "Illustration Relais",
                },
            ),
        ],
    },
    {
        "slug": "cuisiner-ensemble-pour-ne-plus-manger-seul",
        "title": "Cuisiner ensemble pour ne plus manger seul",
        "intro": (
            "À Outreau, Odile a réuni une dizaine de voisins autour d'une idée simple : une "
            "cuisine collective où l'on prépare des repas à petit prix, une fois par semaine."
        ),
        "project": "cuisines-du-partage",
        "ambassadors": ["odile-v"],
        "stages": ["idee", "comptoir"],
        "themes": ["alimentation", "solidarite"],
        "body": [
            (
                "text",
                "<p>Odile a passé trente ans en restauration scolaire. À la retraite, elle "
                "remarque que plusieurs voisins âgés ne cuisinent plus, faute d'envie ou de "
                "moyens. « Manger seul, ça coupe l'appétit », résume-t-elle.</p>"
                "<p>Son idée tient en une ligne : cuisiner ensemble une fois par semaine, et "
                "repartir avec des parts pour les jours suivants. Elle l'inscrit sur la plateforme "
                "en janvier 2019, un peu intimidée.</p>",
            ),
            (
                "tip",
                {
                    "kind": "astuce",
                    "title": "Écrivez votre idée comme vous la raconteriez",
                    "text": (
                        "Pas besoin de jargon. Quelques lignes simples suffisent pour "
                        "commencer : le besoin que vous avez repéré, les personnes concernées, "
                        "ce que vous avez envie de faire avec elles."
                    ),
                },
            ),
            (
                "quote",
                {
                    "text": (
                        "Je pensais que le Budget citoyen, c'était pour les associations qui "
                        "savent faire des dossiers. Au comptoir, j'ai vu des gens comme moi."
                    ),
                    "author": "Odile V.",
                    "role": "Ambassadrice, Les Cuisines du Partage",
                },
            ),
            (
                "tip",
                {
                    "kind": "piege",
                    "title": "Découvrir les règles d'hygiène trop tard",
                    "text": (
                        "Cuisiner pour d'autres impose des règles d'hygiène. Renseignez-vous "
                        "dès le comptoir : elles changent le choix des équipements, donc le "
                        "budget."
                    ),
                },
            ),
            (
                "timeline",
                {
                    "title": "Le parcours du projet",
                    "steps": [
                        ("idee", "Janvier 2019", "Odile décrit son idée en six lignes."),
                        (
                            "comptoir",
                            "Mars 2019",
                            "Rencontre avec le centre social, qui propose de prêter sa cuisine.",
                        ),
                        ("depot", "Avril 2019", "Dossier déposé avec le budget des équipements."),
                        (
                            "vote",
                            "Septembre 2019",
                            "Un repas de présentation ouvert à tout le quartier.",
                        ),
                        (
                            "realisation",
                            "2020",
                            "11 200 € pour équiper la cuisine et lancer les ateliers.",
                        ),
                    ],
                },
            ),
            (
                "image",
                {
                    "alt_text": "Dessin d'exemple : des habitants côte à côte devant une rangée de maisons colorées, sous le soleil",
                    "caption": "Chaque semaine, la cuisine collective d'Outreau réunit des voisins de tous âges.",
                    "credit": "Illustration Relais",
                },
            ),
            (
                "key_figures",
                {
                    "title": "Les Cuisines du partage en chiffres",
                    "figures": [
                        ("11 200 €", "reçus du Budget citoyen"),
                        ("1", "atelier cuisine chaque semaine"),
                        ("25", "convives en moyenne"),
                    ],
                },
            ),
        ],
    },
    {
        "slug": "deux-dossiers-pour-du-theatre-au-pied-du-terril",
        "title": "Deux dossiers pour du théâtre au pied du terril",
        "intro": (
            "À Bruay-la-Buissière, la Compagnie du Terril veut faire entrer le théâtre là où il "
            "ne passe jamais. Son premier dossier était trop flou ; le second a été labellisé."
        ),
        "project": "theatre-au-pied-du-terril",
        "ambassadors": [],
        "stages": ["depot", "labellisation"],
        "themes": ["culture", "education"],
        "body": [
            (
                "text",
                "<p>Thomas joue dans une troupe amateur depuis quinze ans. Son envie : des "
                "ateliers de théâtre pour les collégiens et leurs familles, et une création sur la "
                "mémoire minière jouée en plein air, au pied du terril.</p>"
                "<p>En 2023, il dépose son dossier la veille de la clôture, avec un budget estimé "
                "« à la louche ». Le projet n'est pas labellisé.</p>",
            ),
            (
                "tip",
                {
                    "kind": "piege",
                    "title": "Déposer au dernier moment",
                    "text": (
                        "Le dépôt se fait uniquement en ligne, sur plusieurs semaines. Gardez "
                        "de la marge : un document à scanner, une connexion qui lâche, et "
                        "c'est la panique. Visez une semaine d'avance."
                    ),
                },
            ),
            (
                "tip",
                {
                    "kind": "astuce",
                    "title": "Un budget, ce sont des devis",
                    "text": (
                        "Pour chaque dépense importante, demandez un devis ou notez un prix "
                        "relevé en magasin ou en ligne. Un budget réaliste, même modeste, "
                        "rassure bien plus qu'un gros montant arrondi."
                    ),
                },
            ),
            (
                "quote",
                {
                    "text": (
                        "La deuxième fois, j'avais un devis pour chaque ligne. Je pouvais "
                        "expliquer chaque euro."
                    ),
                    "author": "Thomas",
                    "role": "Compagnie du Terril",
                },
            ),
            (
                "timeline",
                {
                    "title": "Le parcours du projet",
                    "steps": [
                        ("depot", "Mai 2023", "Premier dossier, déposé la veille de la clôture."),
                        (
                            "labellisation",
                            "Été 2023",
                            "Non labellisé : objectifs trop vagues, budget approximatif.",
                        ),
                        (
                            "comptoir",
                            "Février 2024",
                            "Deux comptoirs pour préciser le public et trouver des partenaires.",
                        ),
                        (
                            "depot",
                            "Avril 2024",
                            "Nouveau dossier, avec le collège comme partenaire et des devis.",
                        ),
                        ("labellisation", "Été 2024", "Projet labellisé."),
                        (
                            "realisation",
                            "2025",
                            "7 500 € pour les ateliers, les costumes et la sonorisation.",
                        ),
                    ],
                },
            ),
            (
                "key_figures",
                {
                    "title": "Le projet en chiffres",
                    "figures": [
                        ("2", "dossiers déposés"),
                        ("7 500 €", "reçus du Budget citoyen"),
                        ("30", "collégiens en atelier"),
                    ],
                },
            ),
            (
                "image",
                {
                    "alt_text": "Dessin d'exemple : des habitants côte à côte devant une rangée de maisons colorées, sous le soleil",
                    "caption": "La Compagnie du Terril prépare une création sur la mémoire minière.",
                    "credit": "Illustration Relais",
                },
            ),
        ],
    },
    {
        "slug": "un-repair-cafe-lance-par-des-voisins",
        "title": "Un repair café lancé par des voisins",
        "intro": (
            "À Hesdin, six bricoleurs sans association ont osé le Budget citoyen. Recalés une "
            "première fois, ils sont revenus accompagnés par Sylvie, ambassadrice."
        ),
        "project": "repair-cafe-des-7-vallees",
        "ambassadors": ["sylvie-d"],
        "stages": ["idee", "ambassadeur"],
        "themes": ["reemploi", "solidarite"],
        "body": [
            (
                "text",
                "<p>Ils sont six : une couturière retraitée, un électricien, deux lycéens, un "
                "ancien garagiste et une infirmière. Chacun réparait déjà les objets de ses "
                "proches dans son garage. En 2022, ils décident d'ouvrir un repair café, un "
                "samedi par mois, à Hesdin.</p>"
                "<p>Pas de statuts, pas de président : un <strong>collectif informel</strong>. "
                "Leur premier essai n'est pas labellisé. L'année suivante, ils reviennent "
                "accompagnés par Sylvie, de la recyclerie du Faubourg.</p>",
            ),
            (
                "quote",
                {
                    "text": (
                        "Sylvie nous a dit : ce qui compte, ce n'est pas d'avoir des statuts, "
                        "c'est que vous soyez plusieurs et que les habitants s'y retrouvent."
                    ),
                    "author": "Mathieu",
                    "role": "Collectif Répare & Partage",
                },
            ),
            (
                "tip",
                {
                    "kind": "bon-plan",
                    "title": "Demandez conseil à un ambassadeur",
                    "text": (
                        "Les ambassadeurs sont d'anciens lauréats qui ont vécu les mêmes "
                        "étapes. Ils relisent, conseillent et rassurent. Sur Relais, vous "
                        "pouvez leur écrire avec le formulaire « Demander conseil à un "
                        "ambassadeur »."
                    ),
                },
            ),
            (
                "tip",
                {
                    "kind": "astuce",
                    "title": "Testez en petit avant de déposer",
                    "text": (
                        "Le collectif a organisé trois repair cafés « pour voir » avant son "
                        "second dossier. Les photos et le nombre d'objets réparés ont rendu le "
                        "projet très concret."
                    ),
                },
            ),
            (
                "timeline",
                {
                    "title": "Le parcours du projet",
                    "steps": [
                        (
                            "idee",
                            "Janvier 2022",
                            "Les six bricoleurs inscrivent leur idée sur la plateforme.",
                        ),
                        (
                            "labellisation",
                            "Été 2022",
                            "Premier dossier non labellisé : le projet manque de partenaires.",
                        ),
                        (
                            "ambassadeur",
                            "Hiver 2022",
                            "Sylvie accompagne le collectif et l'aide à trouver une salle prêtée.",
                        ),
                        (
                            "depot",
                            "Avril 2023",
                            "Second dossier, avec la salle, un café associatif partenaire et trois "
                            "essais réussis.",
                        ),
                        (
                            "realisation",
                            "2024",
                            "4 500 € pour l'outillage, une machine à coudre et les consommables.",
                        ),
                    ],
                },
            ),
            (
                "key_figures",
                {
                    "title": "Le repair café en chiffres",
                    "figures": [
                        ("4 500 €", "reçus du Budget citoyen"),
                        ("6", "bénévoles au départ"),
                        ("1", "repair café chaque mois"),
                    ],
                },
            ),
            (
                "image",
                {
                    "alt_text": "Dessin d'exemple : des habitants côte à côte devant une rangée de maisons colorées, sous le soleil",
                    "caption": "À Hesdin, on répare ensemble au lieu de jeter.",
                    "credit": "Illustration Relais",
                },
            ),
        ],
    },
    {
        "slug": "une-caisse-de-livres-sur-un-banc",
        "title": "Une caisse de livres sur un banc",
        "intro": (
            "À Avion, deux mamans ont commencé par poser une caisse de livres sur un banc. "
            "Quelques mois plus tard, leur bibliothèque de rue était choisie par les habitants."
        ),
        "project": "bibliotheque-de-rue",
        "ambassadors": ["nadia-b"],
        "stages": ["idee", "vote"],
        "themes": ["culture", "education"],
        "body": [
            (
                "text",
                "<p>Tout a commencé par une caisse d'albums jeunesse posée sur un banc, un "
                "mercredi après-midi. Les enfants sont venus, puis les parents. Samia et Laetitia, "
                "deux mamans du quartier, ont senti qu'il se passait quelque chose.</p>"
                "<p>Leur idée : une bibliothèque de rue, avec une lecture à voix haute chaque "
                "semaine et des livres que l'on emprunte sans carte ni inscription.</p>",
            ),
            (
                "quote",
                {
                    "text": (
                        "On ne se sentait pas légitimes. Nadia nous a dit : vous faites déjà "
                        "le projet, il vous manque juste les moyens."
                    ),
                    "author": "Samia",
                    "role": "Collectif Les Livres Voyageurs",
                },
            ),
            (
                "tip",
                {
                    "kind": "astuce",
                    "title": "Préparez la mobilisation avant septembre",
                    "text": (
                        "Chaque habitant dès 11 ans peut choisir 3 projets. Dès l'été, listez "
                        "les lieux où vous croiserez du monde en septembre et préparez un petit "
                        "mot à distribuer qui explique comment voter."
                    ),
                },
            ),
            (
                "tip",
                {
                    "kind": "bon-plan",
                    "title": "Les enfants, meilleurs ambassadeurs du projet",
                    "text": (
                        "Les jeunes lecteurs de 11 ans et plus ont voté et ont entraîné leurs "
                        "parents. Un goûter-lecture pendant la période de vote a réuni plus de "
                        "monde que toutes les affiches."
                    ),
                },
            ),
            (
                "timeline",
                {
                    "title": "Le parcours du projet",
                    "steps": [
                        (
                            "idee",
                            "Janvier 2024",
                            "Inscription et idée décrite en quelques lignes, avec les conseils de "
                            "Nadia.",
                        ),
                        (
                            "comptoir",
                            "Mars 2024",
                            "Au comptoir, la médiathèque municipale propose de donner des livres.",
                        ),
                        (
                            "vote",
                            "Septembre 2024",
                            "Goûters-lectures et petits mots glissés dans les boîtes aux lettres.",
                        ),
                        (
                            "proclamation",
                            "Novembre 2024",
                            "Le projet est annoncé parmi les lauréats.",
                        ),
                        (
                            "realisation",
                            "2025",
                            "5 200 € pour une cabane à livres, des coussins et des albums.",
                        ),
                    ],
                },
            ),
            (
                "key_figures",
                {
                    "title": "La bibliothèque de rue en chiffres",
                    "figures": [
                        ("5 200 €", "reçus du Budget citoyen"),
                        ("400", "livres en circulation"),
                        ("1", "lecture à voix haute chaque mercredi"),
                    ],
                },
            ),
            (
                "image",
                {
                    "alt_text": "Dessin d'exemple : des habitants côte à côte devant une rangée de maisons colorées, sous le soleil",
                    "caption": "À Avion, la bibliothèque de rue est née d'une simple caisse de livres.",
                    "credit": "Illustration Relais",
                },
            ),
        ],
    },
    {
        "slug": "le-pedibus-a-l-ecole-a-pied-ensemble",
        "title": "Le Pédibus : à l'école à pied, ensemble",
        "intro": (
            "À Boulogne-sur-Mer, des parents accompagnent les enfants à pied jusqu'à l'école. "
            "Pour le vote, ils ont misé sur la sortie des classes plutôt que sur les réseaux "
            "sociaux."
        ),
        "project": "pedibus-des-ecoliers",
        "ambassadors": ["karim-h"],
        "stages": ["vote"],
        "themes": ["mobilite", "education"],
        "body": [
            (
                "text",
                "<p>Le matin, devant l'école, les voitures se garent en double file. Des parents "
                "de l'association Parents en Marche imaginent un Pédibus : des « lignes » à pied, "
                "avec des arrêts et des horaires, encadrées à tour de rôle par des parents et des "
                "grands-parents bénévoles.</p>"
                "<p>Au comptoir, ils rencontrent Karim, de l'atelier vélo d'Arras, qui leur "
                "raconte sa campagne de vote au marché. Le déclic.</p>",
            ),
            (
                "quote",
                {
                    "text": (
                        "Karim nous a dit de ne pas attendre septembre pour parler du projet. "
                        "On a commencé dès la fête de l'école, en juin."
                    ),
                    "author": "Claire",
                    "role": "Parents en Marche",
                },
            ),
            (
                "tip",
                {
                    "kind": "astuce",
                    "title": "Un message de trente secondes",
                    "text": (
                        "Entraînez-vous à présenter le projet le temps d'un trajet en "
                        "ascenseur : le problème, votre solution, et comment voter. Tous les "
                        "bénévoles doivent pouvoir le dire avec leurs mots."
                    ),
                },
            ),
            (
                "tip",
                {
                    "kind": "piege",
                    "title": "Compter seulement sur les réseaux sociaux",
                    "text": (
                        "Une publication en ligne touche surtout les personnes déjà "
                        "convaincues. Un stand à la sortie de l'école ou un mot distribué "
                        "avec l'accord de l'école touchent bien plus de familles."
                    ),
                },
            ),
            (
                "timeline",
                {
                    "title": "Le parcours du projet",
                    "steps": [
                        (
                            "comptoir",
                            "Mars 2022",
                            "Rencontre avec Karim et d'autres porteurs de projets de mobilité.",
                        ),
                        (
                            "depot",
                            "Mai 2022",
                            "Dossier déposé avec le plan des trois lignes et leurs arrêts.",
                        ),
                        (
                            "vote",
                            "Septembre 2022",
                            "Stand à la sortie de l'école chaque jour de la première semaine.",
                        ),
                        (
                            "realisation",
                            "2023",
                            "6 000 € pour les gilets, les panneaux d'arrêt et la formation des "
                            "accompagnateurs.",
                        ),
                    ],
                },
            ),
            (
                "image",
                {
                    "alt_text": "Dessin d'exemple : des habitants côte à côte devant une rangée de maisons colorées, sous le soleil",
                    "caption": "Le Pédibus de Boulogne-sur-Mer compte trois lignes et des dizaines de marcheurs.",
                    "credit": "Illustration Relais",
                },
            ),
            (
                "key_figures",
                {
                    "title": "Le Pédibus en chiffres",
                    "figures": [
                        ("6 000 €", "reçus du Budget citoyen"),
                        ("3", "lignes de Pédibus"),
                        ("70", "enfants inscrits"),
                    ],
                },
            ),
        ],
    },
    {
        "slug": "l-epicerie-solidaire-qui-roule",
        "title": "L'épicerie solidaire qui roule",
        "intro": (
            "À Lens, Panier Solidaire a transformé un utilitaire en épicerie itinérante. "
            "Proclamée lauréate en 2021 après un premier essai, l'équipe raconte la soirée du "
            "CDESS et ce qui a suivi."
        ),
        "project": "epicerie-sur-roues",
        "ambassadors": ["odile-v"],
        "stages": ["proclamation", "realisation"],
        "themes": ["alimentation", "solidarite"],
        "body": [
            (
                "text",
                "<p>Dans certains quartiers de Lens, le premier commerce est loin et le bus passe "
                "rarement. L'association Panier Solidaire imagine une épicerie sur roues : des "
                "produits de base à petit prix, des légumes de maraîchers voisins et un moment "
                "pour discuter.</p>"
                "<p>Un premier dossier, en 2020, n'est pas labellisé. Le second, retravaillé avec "
                "Odile, ambassadrice, est labellisé en 2021 puis retenu par le vote des "
                "habitants.</p>",
            ),
            (
                "quote",
                {
                    "text": (
                        "À la proclamation, on s'est retrouvés au milieu de dizaines d'autres "
                        "porteurs. On est repartis avec trois partenariats."
                    ),
                    "author": "Fatima",
                    "role": "Panier Solidaire",
                },
            ),
            (
                "tip",
                {
                    "kind": "bon-plan",
                    "title": "La proclamation, un lieu de rencontres",
                    "text": (
                        "La proclamation au CDESS, en novembre, réunit lauréats, élus et "
                        "acteurs de l'ESS. Venez avec de quoi présenter votre projet en deux "
                        "mots : c'est le moment de trouver partenaires et idées."
                    ),
                },
            ),
            (
                "tip",
                {
                    "kind": "piege",
                    "title": "Oublier les frais qui reviennent chaque mois",
                    "text": (
                        "Le financement a permis d'acheter et d'aménager le camion. Mais "
                        "l'assurance, le carburant et l'entretien reviennent chaque mois : "
                        "prévoyez dès le départ comment les couvrir, par exemple avec une "
                        "petite marge sur les produits."
                    ),
                },
            ),
            (
                "timeline",
                {
                    "title": "Le parcours du projet",
                    "steps": [
                        ("depot", "Mai 2020", "Premier dossier, non labellisé."),
                        (
                            "comptoir",
                            "Mars 2021",
                            "Odile aide l'équipe à préciser le rôle des habitants.",
                        ),
                        ("labellisation", "Été 2021", "Projet labellisé."),
                        (
                            "proclamation",
                            "Novembre 2021",
                            "L'épicerie est annoncée lauréate au CDESS.",
                        ),
                        ("realisation", "2022", "20 000 € pour le camion et son aménagement."),
                    ],
                },
            ),
            (
                "key_figures",
                {
                    "title": "L'épicerie en chiffres",
                    "figures": [
                        ("20 000 €", "reçus du Budget citoyen"),
                        ("4", "arrêts chaque semaine"),
                        ("150", "foyers servis chaque mois"),
                    ],
                },
            ),
            (
                "image",
                {
                    "alt_text": "Dessin d'exemple : des habitants côte à côte devant une rangée de maisons colorées, sous le soleil",
                    "caption": "L'épicerie de Panier Solidaire s'arrête chaque semaine dans quatre quartiers.",
                    "credit": "Illustration Relais",
                },
            ),
        ],
    },
    {
        "slug": "le-foot-en-marchant-remet-les-anciens-en-jeu",
        "title": "Le foot en marchant remet les anciens en jeu",
        "intro": (
            "À Arras, d'anciens footballeurs ont lancé des séances de foot en marchant pour les "
            "plus de 55 ans. Au comptoir, ils ont compris que leur projet était aussi un projet "
            "de lien social."
        ),
        "project": "foot-en-marchant",
        "ambassadors": ["jeremy-l"],
        "stages": ["comptoir"],
        "themes": ["sport", "solidarite"],
        "body": [
            (
                "text",
                "<p>Gérard et ses amis ont joué ensemble pendant trente ans. Les genoux ont "
                "vieilli, l'envie est restée. Le foot en marchant, sans contact ni course, leur "
                "semblait parfait. Au départ, ils voulaient surtout des ballons, des chasubles et "
                "un terrain.</p>"
                "<p>Le <strong>comptoir à initiatives citoyennes</strong> a changé leur regard sur "
                "leur propre projet.</p>",
            ),
            (
                "quote",
                {
                    "text": (
                        "On parlait de ballons et de chasubles. Au comptoir, quelqu'un nous a "
                        "demandé : et ceux qui ne sortent plus de chez eux, vous allez les "
                        "chercher comment ?"
                    ),
                    "author": "Gérard",
                    "role": "Les Marcheurs du Ballon",
                },
            ),
            (
                "tip",
                {
                    "kind": "astuce",
                    "title": "Venez avec vos questions, pas seulement vos réponses",
                    "text": (
                        "Le comptoir sert à faire grandir l'idée. Laissez les autres "
                        "participants vous interroger : leurs questions montrent ce qui "
                        "manque encore à votre projet."
                    ),
                },
            ),
            (
                "tip",
                {
                    "kind": "bon-plan",
                    "title": "Regardez qui est autour de la table",
                    "text": (
                        "Au comptoir, Jérémy, ambassadeur, leur a présenté le club de boccia "
                        "d'Achicourt. Les deux équipes partagent aujourd'hui un créneau de "
                        "gymnase et un tournoi commun."
                    ),
                },
            ),
            (
                "timeline",
                {
                    "title": "Le parcours du projet",
                    "steps": [
                        ("idee", "Janvier 2023", "Gérard inscrit l'idée au nom de ses amis."),
                        (
                            "comptoir",
                            "Février et mars 2023",
                            "Deux séances : le projet devient aussi une réponse à l'isolement.",
                        ),
                        (
                            "depot",
                            "Avril 2023",
                            "Dossier déposé avec un partenariat avec le centre communal d'action "
                            "sociale.",
                        ),
                        (
                            "vote",
                            "Septembre 2023",
                            "Matchs de démonstration sur la place, ouverts à tous.",
                        ),
                        (
                            "realisation",
                            "2024",
                            "5 600 € pour le matériel, la location d'un terrain couvert l'hiver et "
                            "des séances de découverte.",
                        ),
                    ],
                },
            ),
            (
                "image",
                {
                    "alt_text": "Dessin d'exemple : des habitants côte à côte devant une rangée de maisons colorées, sous le soleil",
                    "caption": "Chaque séance de foot en marchant se termine par un café partagé.",
                    "credit": "Illustration Relais",
                },
            ),
        ],
    },
    {
        "slug": "le-rucher-qui-a-failli-rater-le-depot",
        "title": "Le rucher qui a failli rater le dépôt",
        "intro": (
            "À Béthune, un collectif d'apiculteurs amateurs a créé un rucher où écoles et "
            "habitants découvrent les abeilles. Leur dossier a bien failli ne jamais partir."
        ),
        "project": "rucher-pedagogique",
        "ambassadors": [],
        "stages": ["depot", "proclamation"],
        "themes": ["environnement", "education"],
        "body": [
            (
                "text",
                "<p>Les Butineurs sont quatre apiculteurs amateurs qui voulaient partager leur "
                "passion avec les enfants du quartier. Un voisin leur prête un terrain, un comptoir "
                "les aide à trouver deux écoles partenaires : tout semble prêt.</p>"
                "<p>Sauf que le dossier attend, attend… « On voulait que tout soit parfait avant "
                "de commencer à le remplir », reconnaît Élodie.</p>",
            ),
            (
                "tip",
                {
                    "kind": "piege",
                    "title": "Attendre d'avoir toutes les réponses pour commencer",
                    "text": (
                        "Le dossier se remplit en ligne et peut s'enregistrer au fur et à "
                        "mesure. Commencez tôt, même avec des trous : vous verrez vite ce qui "
                        "manque vraiment."
                    ),
                },
            ),
            (
                "tip",
                {
                    "kind": "astuce",
                    "title": "Découpez le dossier en petites tâches",
                    "text": (
                        "Une personne pour les devis, une pour la description, une pour les "
                        "partenaires. Une soirée de relecture commune, et le dossier est "
                        "prêt."
                    ),
                },
            ),
            (
                "quote",
                {
                    "text": (
                        "Le soir de la proclamation, les enfants de l'école étaient là avec "
                        "leurs dessins d'abeilles. On n'a pas regretté nos sueurs froides."
                    ),
                    "author": "Élodie",
                    "role": "Collectif Les Butineurs",
                },
            ),
            (
                "timeline",
                {
                    "title": "Le parcours du projet",
                    "steps": [
                        (
                            "comptoir",
                            "Mars 2022",
                            "Deux écoles du quartier deviennent partenaires.",
                        ),
                        (
                            "depot",
                            "Mai 2022",
                            "Dossier déposé trois jours avant la clôture, après une semaine de "
                            "sueurs froides.",
                        ),
                        (
                            "vote",
                            "Septembre 2022",
                            "Dégustation de miel et stand à la fête de quartier.",
                        ),
                        (
                            "proclamation",
                            "Novembre 2022",
                            "Le rucher figure parmi les lauréats annoncés au CDESS.",
                        ),
                        (
                            "realisation",
                            "2023",
                            "9 000 € pour les ruches, les combinaisons et un panneau pédagogique.",
                        ),
                    ],
                },
            ),
            (
                "key_figures",
                {
                    "title": "Le rucher en chiffres",
                    "figures": [
                        ("9 000 €", "reçus du Budget citoyen"),
                        ("6", "ruches"),
                        ("12", "classes accueillies la première année"),
                    ],
                },
            ),
            (
                "image",
                {
                    "alt_text": "Dessin d'exemple : des habitants côte à côte devant une rangée de maisons colorées, sous le soleil",
                    "caption": "Au rucher des Butineurs, les enfants découvrent les abeilles en toute sécurité.",
                    "credit": "Illustration Relais",
                },
            ),
        ],
    },
]

ABOUT = {
    "title": "À propos",
    "intro": (
        "Relais donne la parole aux lauréats du Budget citoyen du Pas-de-Calais pour que "
        "d'autres osent, à leur tour, proposer leur idée."
    ),
    "body": (
        "<p><strong>Relais</strong> transforme l'expérience des anciens lauréats du Budget "
        "citoyen en histoires courtes, en astuces pratiques et en capsules audio. Chaque étape "
        "y est racontée par celles et ceux qui l'ont vécue : ce qu'il faut préparer, ce qu'il "
        "vaut mieux éviter, les bons plans, les erreurs qui font grandir.</p>"
        "<p>Le site s'adresse d'abord aux habitants, aux collectifs informels et aux jeunes "
        "associations qui ont une idée mais n'osent pas encore se lancer. Il est porté par "
        "des ambassadeurs de l'économie sociale et solidaire, dans le cadre de l'action "
        "« Retours d'expérience et mise en récit du Budget citoyen » menée par l'association "
        "« De rives en rêves » avec le soutien du Département du Pas-de-Calais.</p>"
        "<p><strong>Attention : dans cette démonstration, les personnes, les associations et "
        "les projets présentés sont fictifs.</strong> Les étapes, les périodes et les chiffres "
        "du Budget citoyen, eux, correspondent au programme réel.</p>"
        "<p>Les contenus du site sont publiés sous licence "
        '<a href="https://creativecommons.org/licenses/by-sa/4.0/deed.fr">Creative Commons '
        "Attribution – Partage dans les mêmes conditions 4.0 International (CC BY-SA 4.0)</a> : "
        "vous pouvez les reprendre, les adapter et les partager, en citant la source et en "
        "gardant la même licence.</p>"
        "<h2>Comment contribuer ?</h2>"
        "<ul>"
        "<li>vous êtes ancien lauréat : racontez votre parcours depuis "
        "<a href=\"/contribuer/\">l'espace ambassadeurs</a>, à l'écrit ou à l'oral ;</li>"
        "<li>vous avez une question ou une astuce : écrivez à l'équipe à "
        '<a href="mailto:contact@relais.example.org">contact@relais.example.org</a> ;</li>'
        "<li>vous êtes une collectivité qui anime un budget participatif : le logiciel est "
        "libre, vous pouvez l'adapter à vos propres étapes.</li>"
        "</ul>"
    ),
}

# Fictional publisher, host and contacts of the demo. Phone numbers are in the range that the
# ARCEP reserves for fiction (03 53 01 xx xx); example.org addresses never reach anyone.
SITE_CONTACT = {
    "publisher_name": "Association De rives en rêves (fictive)",
    "publisher_address": "12 rue des Exemples\n62000 Arras",
    "publisher_registration": "RNA W000000000 (numéro fictif)",
    "publication_director": "Camille Exemple, présidente de l'association",
    "contact_email": "contact@relais.example.org",
    "contact_phone": "03 53 01 00 01",
    "host_name": "Hébergeur Exemple SAS (fictif)",
    "host_address": "1 avenue du Serveur\n59000 Lille",
    "host_phone": "03 53 01 00 02",
    "privacy_contact": "Dominique Exemple, déléguée à la protection des données",
    "privacy_email": "donnees@relais.example.org",
    "accessibility_email": "accessibilite@relais.example.org",
    # The demo has no reporting form: a link to one would lead nowhere. Email, phone and post
    # are the contact means the accessibility page gives.
    "accessibility_form_url": "",
}

LEGAL_PAGES = [
    {
        "slug": "mentions-legales",
        "title": "Mentions légales",
        "intro": "Qui édite et qui héberge ce site.",
        "body": [
            (
                "text",
                "<p>Dans cette démonstration, l'éditeur, l'hébergeur et leurs coordonnées sont "
                "fictifs : ils se remplacent dans l'administration, menu Paramètres › "
                "Coordonnées et mentions légales.</p>"
                "<h2>Éditeur et hébergeur</h2>",
            ),
            ("site_contact", "legal"),
            (
                "text",
                "<h2>Propriété intellectuelle</h2>"
                "<p>Sauf mention contraire, les textes, images et capsules audio du site sont "
                'publiés sous licence <a href="https://creativecommons.org/licenses/by-sa/4.0/'
                'deed.fr">CC BY-SA 4.0</a>. Le logiciel Relais est un logiciel libre, distribué '
                "sous licence AGPL-3.0 ou ultérieure.</p>"
                "<h2>Contenus d'exemple</h2>"
                "<p>Les personnes, associations et projets présentés dans cette démonstration "
                "sont fictifs. Toute ressemblance avec des personnes ou des projets existants "
                "serait fortuite.</p>",
            ),
        ],
    },
    {
        "slug": "accessibilite",
        "title": "Déclaration d'accessibilité",
        "intro": (
            "Nous voulons que chacun puisse lire, écouter et utiliser ce site, quel que soit "
            "son handicap ou son équipement."
        ),
        "body": [
            (
                "text",
                "<p>L'éditeur de Relais s'engage à rendre son site accessible conformément à "
                "l'article 47 de la loi n° 2005-102 du 11 février 2005. Cette déclaration "
                "s'applique au site Relais.</p>"
                "<h2>État de conformité</h2>"
                "<p>Le site vise la conformité au référentiel général d'amélioration de "
                "l'accessibilité (RGAA), version 4.1. État actuel : <strong>non "
                "conforme</strong>, car aucun audit complet n'a encore été mené (c'est ce que "
                "prévoit le RGAA tant qu'un audit n'a pas eu lieu). Ce statut sera mis à jour à "
                "l'issue de l'audit.</p>"
                "<h2>Ce qui est vérifié automatiquement</h2>"
                "<p>Les principaux types de pages (accueil, liste des histoires, histoire avec "
                "capsule audio, projet, ambassadeur, étape, pages d'information) et ceux de "
                "l'espace ambassadeurs sont testés automatiquement avec l'outil axe-core, sur "
                "les règles WCAG 2.1 de niveaux A et AA, y compris sur un écran de téléphone ; "
                "leur code HTML est aussi validé par le Nu Html Checker du W3C. Ces tests "
                "portent notamment sur :</p>"
                "<ul>"
                "<li>la présence d'alternatives textuelles pour les images ;</li>"
                "<li>les contrastes de couleurs, y compris celui du contour qui signale "
                "l'élément actif au clavier ;</li>"
                "<li>les étiquettes des champs de formulaire et le lien entre chaque champ et "
                "son aide ;</li>"
                "<li>la structure des titres et des zones de la page ;</li>"
                "<li>des identifiants uniques dans chaque page ;</li>"
                "<li>la langue de la page et les intitulés des liens et des boutons.</li>"
                "</ul>"
                "<p>Les tests automatiques ne couvrent qu'une partie des critères : une "
                "vérification manuelle reste nécessaire. Chaque capsule audio est accompagnée "
                "de sa transcription écrite.</p>"
                "<h2>Retour d'information et contact</h2>"
                "<p>Si vous n'arrivez pas à accéder à un contenu ou à un service, contactez-nous "
                "pour être orienté vers une alternative accessible ou obtenir le contenu sous "
                "une autre forme :</p>",
            ),
            ("site_contact", "accessibility"),
            (
                "text",
                "<h2>Voies de recours</h2>"
                "<p>Si vous nous avez signalé un défaut d'accessibilité qui vous empêche "
                "d'accéder à un contenu ou à un service et que vous n'avez pas obtenu de "
                "réponse satisfaisante, vous pouvez saisir le Défenseur des droits :</p>"
                "<ul>"
                "<li>par le formulaire en ligne sur "
                '<a href="https://www.defenseurdesdroits.fr">le site du Défenseur des '
                "droits</a> ;</li>"
                "<li>en contactant le délégué du Défenseur des droits le plus proche de chez "
                "vous ;</li>"
                "<li>par courrier, gratuitement, sans timbre : Défenseur des droits, Libre "
                "réponse 71120, 75342 Paris CEDEX 07.</li>"
                "</ul>",
            ),
        ],
    },
    {
        "slug": "donnees-personnelles",
        "title": "Données personnelles",
        "intro": "Ce site ne vous piste pas. Voici ce que nous conservons, et pourquoi.",
        "body": [
            (
                "text",
                "<h2>Pas de cookies, pas de traceurs</h2>"
                "<p>La consultation du site ne dépose aucun cookie de mesure d'audience ou de "
                "publicité et n'utilise aucun traceur. Les pages ne font appel à aucun service "
                "tiers : polices, scripts et images sont servis par le site lui-même. Les "
                "statistiques de fréquentation sont des compteurs anonymes, sans "
                "identification des visiteurs.</p>"
                "<h2>Ce que nous conservons pour les contributeurs</h2>"
                "<p>Si vous contribuez en tant qu'ambassadeur, nous conservons :</p>"
                "<ul>"
                "<li>votre nom d'affichage et votre adresse électronique, pour vous connecter "
                "et vous tenir informé du suivi de vos récits ;</li>"
                "<li>vos témoignages écrits, vos photos et vos enregistrements audio, avec "
                "leurs transcriptions ;</li>"
                "<li>vos consentements : leur texte, leur date et leur portée (voix, image, "
                "licence de publication).</li>"
                "</ul>"
                "<h2>Votre consentement</h2>"
                "<p>Rien n'est publié sans votre accord explicite. Vous pouvez retirer votre "
                "consentement à tout moment : les contenus concernés sont alors dépubliés et "
                "les médias supprimés.</p>"
                "<h2>Vos droits</h2>"
                "<p>Conformément au règlement général sur la protection des données (RGPD), "
                "vous disposez d'un droit d'accès, de rectification, d'effacement, de "
                "limitation, d'opposition et de portabilité de vos données. Depuis votre "
                '<a href="/contribuer/">espace ambassadeurs</a>, vous pouvez exporter ou '
                "effacer vos données. Vous pouvez aussi introduire une réclamation auprès de "
                'la <a href="https://www.cnil.fr">CNIL</a>.</p>'
                "<h2>Responsable du traitement et contact</h2>"
                "<p>Pour exercer vos droits ou poser une question sur vos données :</p>",
            ),
            ("site_contact", "privacy"),
        ],
    },
]

FUNDER = {
    "funder_name": "Département du Pas-de-Calais",
    "amount": 35400,
    "link": "https://www.pasdecalais.fr",
    "text": (
        "Le Département du Pas-de-Calais soutient l'action « Retours d'expérience et mise en "
        "récit du Budget citoyen » à hauteur de 35 400 € (convention de 18 mois)."
    ),
}

HOME = {
    "title": "Accueil",
    "hero_title": "Vous avez une idée ?",
    "hero_text": (
        "D'autres habitants sont passés par là avant vous, avec les mêmes doutes et parfois "
        "les mêmes faux pas. Découvrez leurs histoires et leurs astuces, étape par étape, pour "
        "oser proposer la vôtre au Budget citoyen."
    ),
}

# The capsule the editors chose for the home page (featuring is never automatic).
HOME_FEATURED_CAPSULE = "sylvie-apres-un-refus"

STORY_INDEX = {
    "title": "Les histoires",
    "intro": (
        "Des lauréats du Budget citoyen racontent leur parcours, de l'idée à la réalisation, "
        "avec ce qui a marché et ce qu'ils feraient autrement."
    ),
}
