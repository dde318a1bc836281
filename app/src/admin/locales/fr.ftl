## Staff roles
role-national-admin = Administration nationale
role-regional-coordinator = Coordination régionale
role-reviewer = Relecteur
role-centre-agent = Agent de centre
role-partner-viewer = Partenaire (lecture seule)

## Console errors

## Console navigation
admin-nav-label = Console
admin-nav-dashboard = Tableau de bord
admin-nav-applications = Dossiers
admin-nav-register = Inscrire une femme
admin-nav-staff = Comptes du personnel
admin-nav-audit = Journal d'audit
admin-sign-out = Se déconnecter

## Sign-in
admin-sign-in-title = Connexion du personnel
admin-sign-in = Se connecter
admin-email = Adresse e-mail
admin-password = Mot de passe
admin-sign-in-invalid = E-mail ou mot de passe incorrect.
admin-sign-in-missing = Saisissez votre adresse e-mail et votre mot de passe.
admin-sign-in-too-many = Trop de tentatives depuis cette connexion. Attendez une minute puis réessayez.
admin-sign-in-wait-seconds = { $seconds ->
    [one] Trop d'essais de connexion en peu de temps. Réessayez dans { $seconds } seconde.
   *[other] Trop d'essais de connexion en peu de temps. Réessayez dans { $seconds } secondes.
}
admin-sign-in-wait-minutes = { $minutes ->
    [one] Trop d'essais de connexion en peu de temps. Réessayez dans { $minutes } minute.
   *[other] Trop d'essais de connexion en peu de temps. Réessayez dans { $minutes } minutes.
}

## Password change
admin-password-title = Changer de mot de passe
admin-password-must-change = Vous vous êtes connecté(e) avec un mot de passe temporaire. Choisissez votre propre mot de passe pour continuer.
admin-password-current = Mot de passe actuel
admin-password-new = Nouveau mot de passe
admin-password-confirm = Confirmez le nouveau mot de passe
admin-password-save = Enregistrer le mot de passe
admin-password-wrong-current = Le mot de passe actuel est incorrect.
admin-password-too-short = { $min ->
    [one] Le nouveau mot de passe doit contenir au moins { $min } caractère.
   *[other] Le nouveau mot de passe doit contenir au moins { $min } caractères.
}
admin-password-too-easy = Ce mot de passe est trop facile à deviner (mot courant, suite de touches, date, ou votre nom ou e-mail). Choisissez-en un plus long et inhabituel, par exemple plusieurs mots sans rapport entre eux.
admin-password-mismatch = Les deux nouveaux mots de passe ne sont pas identiques.
admin-password-same = Choisissez un mot de passe différent de l'actuel.

## Dashboard
admin-dashboard-title = Tableau de bord
admin-dashboard-national = Ensemble du Maroc — 12 régions
admin-dashboard-applications = Candidatures
admin-dashboard-places-of-target = Places attribuées sur l'objectif (acceptées ou inscrites)
admin-dashboard-regions = Par région
admin-dashboard-next = À faire
admin-card-to-review = Candidatures à étudier (reçues ou en étude)
admin-card-oldest = { $days ->
    [one] jour d'attente pour la plus ancienne (promis : { $promised } jours au plus)
   *[other] jours d'attente pour la plus ancienne (promis : { $promised } jours au plus)
}
admin-card-duplicates = Doublons possibles à trancher
admin-card-waiting-list = Sur la liste d'attente
admin-dashboard-per-day-label = Inscriptions par jour du { $from } au { $to } : { $total } en tout, { $max } au plus en un jour.
admin-dashboard-funnel = Étapes du parcours
admin-dashboard-per-day = Inscriptions par jour, 30 derniers jours
admin-dashboard-by-sector = Par secteur
admin-dashboard-by-channel = Par canal d'inscription
admin-dashboard-by-province = Par province

## Fields and regional targets
admin-region = Région
admin-region-national = Tout le Maroc
admin-province = Province
admin-status = Statut
admin-sector = Secteur
admin-stage = Avancement du projet
admin-channel = Canal d'inscription
admin-target = Objectif
admin-targets = Objectifs régionaux
admin-target-saved = Objectif enregistré.
admin-save = Enregistrer
admin-region-hint = Code de région à deux chiffres, de 01 à 12. Laissez vide pour les rôles nationaux.

## Application statuses
admin-status-submitted = Reçue
admin-status-under-review = En étude
admin-status-accepted = Acceptée
admin-status-waiting-list = Liste d'attente
admin-status-rejected = Non retenue
admin-status-enrolled = Inscrite au programme
admin-status-withdrawn = Retirée

## Registration channels
admin-channel-self = En ligne, par elle-même
admin-channel-assisted = Assistée en centre

## Application list
admin-applications-title = Dossiers de candidature
admin-search = Rechercher
admin-search-hint = Numéro de dossier, CIN, téléphone, ou début d'un nom en lettres arabes ou latines.
admin-filter-any = Tous
admin-from = Déposée à partir du
admin-to = Jusqu'au
admin-sort = Trier par
admin-sort-newest = Plus récentes d'abord
admin-sort-oldest = Plus anciennes d'abord
admin-sort-name = Nom
admin-flagged-only = Doublons possibles seulement
admin-search-go = Chercher
admin-filters-summary = { $count ->
    [0] Filtrer la liste
    [one] Filtrer la liste ({ $count } filtre actif)
   *[other] Filtrer la liste ({ $count } filtres actifs)
}
admin-status-open = À étudier (reçues ou en étude)
admin-filter = Filtrer
admin-filter-reset = Effacer les filtres
admin-export = Exporter en CSV
admin-export-reference = Dossier
admin-export-status = Statut
admin-export-submitted-at = Déposée le
admin-export-region-code = Code région
admin-export-region = Région
admin-export-province = Province
admin-export-first-name = Prénom
admin-export-last-name = Nom
admin-export-cin = CIN
admin-export-birth-date = Date de naissance
admin-export-phone = Téléphone
admin-export-email = E-mail
admin-export-locality = Localité
admin-export-area = Milieu
admin-export-sector = Secteur
admin-export-stage = Stade du projet
admin-export-channel = Canal
admin-export-possible-duplicate = Doublon possible
admin-export-burst = Envoi en rafale
admin-export-separator = Séparateur du fichier
admin-export-sep-semicolon = Point-virgule (Excel en français ou en arabe)
admin-export-sep-comma = Virgule
admin-export-sep-tab = Tabulation
admin-results = { $total ->
    [one] { $total } dossier
   *[other] { $total } dossiers
}
admin-results-more = Plus de { $total } dossiers.
admin-select = Sélection
admin-select-row = Sélectionner le dossier { $reference }
admin-reference = Numéro de dossier
admin-name = Nom
admin-submitted-at = Déposée le
admin-flagged = Doublon possible
admin-burst = Envoi en rafale
admin-demo-account = Compte de démonstration
admin-pages = Pages
admin-first = Première
admin-previous = Précédente
admin-next = Suivante
admin-last = Dernière
admin-page-of = Page { $page } sur { $pages }

## Bulk actions
admin-bulk-start-review = Mettre en étude la sélection
admin-bulk-reviewer = Relecteur
admin-bulk-assign = Assigner la sélection
admin-bulk-none-selected = Sélectionnez au moins un dossier.
admin-bulk-done = { $done ->
    [one] { $done } dossier traité
   *[other] { $done } dossiers traités
}, { $refused ->
    [one] { $refused } refusé.
   *[other] { $refused } refusés.
}

## One application
admin-application-title = Dossier
admin-actions = Actions
admin-action-start-review = Mettre en étude
admin-action-recommend = Recommander
admin-action-accept = Accepter
admin-action-wait-list = Mettre en liste d'attente
admin-action-reject = Ne pas retenir
admin-action-enrol = Inscrire au programme
admin-action-withdraw = Retirer à sa demande
admin-action-done = Enregistré.

## Actions refused
admin-refused-not-allowed = Votre rôle ne permet pas cette action.
admin-refused-invalid-transition = Cette action n'est pas possible depuis le statut actuel du dossier.
admin-refused-reason-required = Pour « Autre motif », précisez le motif.
admin-refused-hidden-characters = Le texte contient des caractères invisibles ou de contrôle : retirez-les.
admin-refused-target-reached = L'objectif de la région est atteint : mettez plutôt la candidate en liste d'attente.
admin-refused-changed = Quelqu'un a modifié ce dossier entre-temps. Il est affiché dans son état actuel : vérifiez-le avant d'agir à nouveau.

## Recommendation
admin-recommendation = Recommandation
admin-recommend-accept = Accepter
admin-recommend-waiting-list = Mettre en liste d'attente
admin-recommend-reject = Ne pas retenir

## Reasons for not retaining an application
admin-reject-reason = Motif
admin-reject-text = Précisions
admin-reject-not-eligible = Ne remplit pas les conditions
admin-reject-incomplete-file = Dossier incomplet
admin-reject-project-not-viable = Projet non viable
admin-reject-duplicate = Doublon d'une autre candidature
admin-reject-other = Autre motif
admin-decision = Décision
admin-choose = Choisissez…
admin-reject-reason-missing = Choisissez le motif du refus.

## Places and waiting list
admin-target-reached-offer-waiting-list = Toutes les places de la région sont prises : l'acceptation n'est pas possible, la liste d'attente est proposée à la place.
admin-proposed = Une place s'est libérée. Première femme sur la liste d'attente de la région, proposée pour cette place :
admin-burst-note = Cette candidature fait partie d'au moins { $size } candidatures envoyées depuis la même connexion en { $minutes } minutes : vérifiez qu'elle est authentique.
admin-reviewer = Relecteur assigné

## Possible duplicates
admin-flags = Doublons possibles
admin-table-scroll = Tableau (faites défiler pour tout voir)
admin-explains-at-centre = Elle a choisi d'expliquer son projet de vive voix au centre : prévoyez un entretien.
admin-no-flags = Aucun doublon possible.
admin-flag-same-cin = Même CIN que
admin-flag-same-phone = Même téléphone que
admin-flag-same-name-and-birth-date = Même nom et date de naissance que
admin-flag-elsewhere = dans une candidature que vous ne pouvez pas consulter

## Answers and history
admin-answers = Réponses
admin-history = Historique
admin-event-submitted = Candidature déposée
admin-event-start-review = Mise en étude
admin-event-recommend = Recommandation
admin-event-accept = Acceptée
admin-event-wait-list = Mise en liste d'attente
admin-event-reject = Non retenue
admin-event-enrol = Inscrite
admin-event-withdraw = Retirée
admin-event-assignment = Relecteur assigné

## Notes
admin-notes = Notes
admin-note-add = Ajouter une note
admin-note-save = Enregistrer la note
admin-note-invalid = Une note doit contenir entre 1 et 2 000 caractères, sans caractères invisibles ou de contrôle.

## Staff accounts
admin-staff-title = Comptes du personnel
admin-staff-create = Créer un compte
admin-staff-created = Compte créé. Remettez ce mot de passe temporaire à la personne : il ne s'affiche qu'une seule fois et devra être changé à la première connexion.
admin-role = Rôle
admin-account = Compte
admin-active = Actif
admin-inactive = Désactivé
admin-activate = Activer
admin-deactivate = Désactiver
admin-error-email = Saisissez une adresse e-mail valide.
admin-error-email-taken = Un compte existe déjà avec cette adresse e-mail.
admin-error-name = Saisissez un nom de 100 caractères au plus.
admin-error-role = Choisissez un rôle.
admin-error-region = Choisissez un code de région existant, de 01 à 12.
admin-error-role-not-yours = Vous ne pouvez pas créer de compte avec ce rôle ou dans cette région.

## Audit log
admin-audit-title = Journal d'audit
admin-audit-action = Action
admin-audit-action-sign-in = Connexion
admin-audit-action-sign-in-failed = Connexion refusée
admin-audit-action-sign-out = Déconnexion
admin-audit-action-password-changed = Mot de passe changé
admin-audit-action-view-application = Dossier consulté
admin-audit-action-decision = Décision
admin-audit-action-recommendation = Recommandation
admin-audit-action-assignment = Relecteur assigné
admin-audit-action-note = Note ajoutée
admin-audit-action-export = Export
admin-audit-action-staff-created = Compte créé
admin-audit-action-staff-activated = Compte réactivé
admin-audit-action-staff-deactivated = Compte désactivé
admin-audit-action-target-changed = Objectif modifié
admin-audit-action-assisted-registration = Inscription assistée
admin-audit-subject-application = Dossier
admin-audit-subject-reference = Dossier
admin-audit-subject-staff = Compte
admin-audit-subject-region = Région
admin-audit-subject-reviewer = Relecteur
admin-audit-subject-applications = Liste des dossiers
admin-audit-subject = Objet
admin-audit-detail = Détail
admin-audit-client = Adresse IP
admin-when = Date
