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
admin-status-placed = Acceptées (inscrites au programme ou non)
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
    [one] { $shown } dossier
   *[other] { $shown } dossiers
}
admin-results-more = Plus de { $shown } dossiers.
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
admin-reject-not-given = Motif non indiqué
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

## Follow-up after acceptance
role-incubator-coach = Coach d'incubateur
admin-nav-follow-up = Suivi
admin-nav-cohorts = Cohortes
admin-nav-sites = Incubateurs et centres
admin-event-cohort-move = Changement de cohorte
admin-refused-enrol-in-cohort = Une femme acceptée est inscrite dans une cohorte, depuis la page de la cohorte.
admin-saved = Enregistré.
admin-edit = Modifier
admin-cancel = Annuler
admin-yes = Oui
admin-no = Non
admin-confirm = Confirmer
admin-today = Aujourd'hui :
admin-until = jusqu'au
admin-date = Date
admin-time = Heure
admin-due = Échéance
admin-overdue = En retard
admin-days-late = { $days ->
    [one] { $days } jour de retard
   *[other] { $days } jours de retard
}
admin-error-choose = Choisissez une réponse dans la liste.
admin-error-text = Ce texte est trop long ou contient des caractères invisibles.
admin-error-date = Saisissez une date valide.
admin-error-date-future = Cette date ne peut pas être dans le futur.
admin-error-time = Saisissez une heure.
admin-error-province = Choisissez une province de la région.
admin-error-capacity = Saisissez une capacité entre 0 et 10 000.

## Sites
admin-sites-title = Incubateurs et centres
admin-sites-none = Aucun incubateur ni centre enregistré pour le moment.
admin-site-kind = Type
admin-site-kind-incubator = Incubateur social
admin-site-kind-centre = Centre social
admin-site-staff = Personnel rattaché
admin-site-cohorts = Cohortes
admin-site-add = Ajouter un incubateur ou un centre
admin-site-change = Modifier ce site
admin-capacity = Capacité
admin-name-fr = Nom en français
admin-name-ar = Nom en arabe
admin-address-fr = Adresse en français
admin-address-ar = Adresse en arabe
admin-error-site-name = Saisissez un nom de 2 à 120 caractères.
admin-error-site-in-use = Des cohortes ou du personnel y sont rattachés : son type ne peut plus changer.
admin-staff-site = Incubateur ou centre de rattachement
admin-error-coach-site = Une coach est rattachée à un incubateur de sa région : choisissez-le.
admin-error-site = Choisissez un centre de la région de ce compte.

## Cohorts
admin-cohort-change = Modifier la cohorte
admin-error-capacity-below-members = La capacité ne peut pas être inférieure aux femmes déjà inscrites.
admin-cohorts-title = Cohortes
admin-cohorts-none = Aucune cohorte pour le moment.
admin-cohort = Cohorte
admin-incubator = Incubateur
admin-coach = Coach
admin-cohort-dates = Dates
admin-cohort-members = Femmes inscrites
admin-cohort-create = Ouvrir une cohorte
admin-cohort-created = Cohorte ouverte.
admin-cohort-name = Nom de la cohorte
admin-cohort-starts = Début
admin-cohort-ends = Fin
admin-cohort-rhythm = Jours entre deux visites de coaching
admin-cohort-empty = Aucune femme n'est encore inscrite dans cette cohorte.
admin-error-incubator = Choisissez un incubateur de votre région.
admin-error-cohort-name = Saisissez un nom de 2 à 120 caractères.
admin-error-ends-before = La fin ne peut pas précéder le début.
admin-error-cohort-capacity = Saisissez une capacité entre 1 et 200.
admin-error-rhythm = Saisissez un nombre de jours entre 1 et 120.
admin-error-coach = Choisissez une coach de cet incubateur.
admin-error-cohort = Choisissez une autre cohorte de sa région.
admin-enrolled-on = Inscrite le
admin-next-visit = Prochaine visite
admin-milestones-reached = Étapes franchies
admin-move = Changer de cohorte
admin-move-to = Déplacer vers…
admin-moved = Elle a changé de cohorte ; son historique la suit.
admin-enrol-title = Inscrire des femmes acceptées
admin-enrol-choose = Femmes acceptées de la région, pas encore inscrites
admin-enrol = Inscrire les femmes choisies
admin-enrol-none-chosen = Cochez au moins une femme à inscrire.
admin-enrolled = { $enrolled ->
    [one] { $enrolled } femme inscrite
   *[other] { $enrolled } femmes inscrites
}{ $refused ->
    [0] .
   *[other] ; { $refused } non inscrite(s) (cohorte complète ou dossier changé).
}
admin-refused-cohort-full = La cohorte est complète.
admin-refused-not-accepted = Ce dossier n'est pas accepté dans la région de la cohorte.
admin-refused-not-enrolled = Elle n'est plus inscrite dans une cohorte que vous suivez.
admin-sessions = Séances de formation
admin-sessions-none = Aucune séance programmée.
admin-module = Module
admin-place = Lieu
admin-trainer = Formatrice ou formateur
admin-attendance = Présentes
admin-take-attendance = Faire l'appel
admin-session-schedule = Programmer une séance
admin-session-scheduled = Séance programmée.
admin-duration = Durée (minutes)
admin-error-session-outside-cohort = La séance doit avoir lieu entre le début et la fin de la cohorte.
admin-error-duration = Saisissez une durée de 15 à 600 minutes.
admin-error-place = Saisissez le lieu (2 à 120 caractères).
admin-error-trainer = Saisissez le nom de la formatrice ou du formateur.
admin-module-business-plan = Plan d'affaires
admin-module-accounting = Comptabilité
admin-module-marketing = Marketing
admin-module-legal-forms = Formes juridiques et coopératives
admin-module-digital-tools = Outils numériques
admin-module-leadership = Leadership
admin-module-financial-literacy = Éducation financière
admin-module-sales = Techniques de vente

## Attendance
admin-sheet-title = Feuille de présence
admin-back-to-cohort = Retour à la cohorte
admin-attendance-rate = Taux de présence
admin-mark-present = Présente
admin-mark-absent = Absente
admin-mark-excused = Absente excusée
admin-absence-reason = Motif de l'absence
admin-marked-by = Noté par
admin-sheet-save = Enregistrer la feuille
admin-sheet-saved = { $count ->
    [0] Aucune marque n'a changé.
    [one] { $count } marque enregistrée.
   *[other] { $count } marques enregistrées.
}
admin-sheet-invalid = Rien n'a été enregistré : corrigez les lignes signalées.
admin-sheet-not-yet = Cette séance n'a pas encore eu lieu : l'appel se fait à partir de son jour.
admin-sheet-conflict = { $name } : { $by } a noté « { $now } » entre-temps ; votre « { $asked } » n'a pas été enregistré.
admin-refused-not-on-sheet = Elle n'est pas sur la feuille de cette séance.
admin-error-reason = Le motif est trop long (200 caractères au plus) ou contient des caractères invisibles.
admin-error-excused-reason = Une absence excusée a un motif : écrivez-le.
admin-excused-count = absence(s) excusée(s)

## Coaching and work list
admin-work-title = Suivi
admin-work-overdue = Visites en retard
admin-work-this-week = Visites de la semaine
admin-work-surveys = Enquêtes à faire
admin-work-none = Rien à faire ici.
admin-work-first = Les { $shown } premières sur { $total }.
admin-visit-record = Noter une visite
admin-visit-recorded = Visite enregistrée ; la prochaine est calculée.
admin-visit-kind = Type de visite
admin-visit-kind-individual = Individuelle
admin-visit-kind-group = En groupe
admin-visit-kind-on-site = Sur le lieu du projet
admin-visit-notes = Notes
admin-visit-next-steps = Prochaines étapes
admin-error-date-before-enrolment = Cette date précède son inscription.
admin-surveys = Enquêtes de suivi
admin-wave = Enquête
admin-wave-baseline = À l'inscription
admin-wave-month-6 = À 6 mois
admin-wave-month-12 = À 12 mois
admin-survey-answers = Réponses
admin-survey-not-yet = Pas encore due
admin-survey-record = Enregistrer l'enquête
admin-survey-recorded = Enquête enregistrée.
admin-survey-operating = Activité en fonctionnement
admin-survey-revenue = Chiffre d'affaires mensuel
admin-survey-jobs = Emplois créés
admin-survey-jobs-women = Emplois créés (femmes)
admin-survey-jobs-men = Emplois créés (hommes)
admin-survey-formalised = Activité formalisée
admin-survey-income = Son revenu mensuel
admin-error-jobs = Saisissez un nombre entre 0 et 500.
admin-error-survey-not-due = Cette enquête n'est pas encore due.
admin-band-none = Aucun
admin-band-up-to-1000 = Jusqu'à 1 000 DH
admin-band-up-to-3000 = De 1 001 à 3 000 DH
admin-band-up-to-6000 = De 3 001 à 6 000 DH
admin-band-over-6000 = Plus de 6 000 DH

## Her page
admin-milestone-confirm = Confirmer une étape franchie
admin-legal-form-if-created = Forme juridique (pour « Forme juridique créée »)
admin-survey-due = À faire
admin-date-range = du { $from } au { $to }
admin-beneficiary-title = Suivi d'une bénéficiaire
admin-left-cohort = a quitté la cohorte
admin-open-application = Voir le dossier de candidature
admin-milestones = Étapes du projet
admin-milestone = Étape
admin-milestone-state = Franchie
admin-reached = Franchie le
admin-not-reached = Pas encore
admin-reached-on = Franchie le
admin-document = Document (facultatif)
admin-milestone-confirmed = Étape confirmée.
admin-refused-milestone-reached = Cette étape est déjà confirmée.
admin-legal-form = Forme juridique
admin-error-legal-form = Choisissez la forme juridique créée.
admin-milestone-business-plan-drafted = Plan d'affaires rédigé
admin-milestone-plan-validated = Plan validé par le comité
admin-milestone-legal-form-created = Forme juridique créée
admin-milestone-bank-account-opened = Compte bancaire ouvert
admin-milestone-first-sale = Première vente
admin-milestone-financing-received = Financement reçu
admin-legal-form-auto-entrepreneur = Auto-entrepreneur
admin-legal-form-cooperative = Coopérative
admin-legal-form-company = Société
admin-timeline = Parcours
admin-timeline-enrolled = Inscrite dans la cohorte
admin-timeline-left-moved = A quitté la cohorte (changement)
admin-timeline-left-withdrawn = A quitté la cohorte (retrait)
admin-timeline-left-completed = A terminé la cohorte
admin-timeline-present = Présente à la séance
admin-timeline-absent = Absente à la séance
admin-timeline-excused = Absente excusée à la séance
admin-timeline-visit = Visite de coaching
admin-timeline-milestone = Étape franchie
admin-timeline-financing-approved = Financement approuvé
admin-timeline-survey = Enquête de suivi

## Financing
admin-financing = Financement
admin-financing-none = Aucun financement pour le moment.
admin-financing-kind = Type de financement
admin-financing-kind-grant = Subvention
admin-financing-kind-interest-free-loan = Prêt sans intérêt
admin-financing-kind-micro-credit = Microcrédit
admin-financing-kind-in-kind = Équipement en nature
admin-funder = Bailleur
admin-funder-ministry = Ministère
admin-funder-indh = INDH
admin-funder-regional-council = Conseil régional
admin-funder-provincial-council = Conseil provincial
admin-funder-other = Autre partenaire
admin-funder-detail = Nom de l'autre partenaire
admin-error-funder-detail = Nommez le partenaire.
admin-budget-line-ministry = Ministère
admin-budget-line-indh = INDH
admin-budget-line-councils = Conseils régionaux et provinciaux
admin-budget-line-other = Autres partenaires
admin-budget = Budget (part payée)
admin-approved = Approuvé
admin-approved-on = Approuvé le
admin-paid = Payé
admin-to-plan = Reste à planifier
admin-amount = Montant
admin-amount-dh = Montant (DH)
admin-amount-approved-dh = Montant approuvé (DH)
admin-error-amount = Saisissez un montant en dirhams, par exemple 12 500 ou 12 500,50.
admin-line-add = Ajouter un financement
admin-line-added = Financement approuvé.
admin-tranche = Tranche
admin-tranche-add = Planifier une tranche
admin-tranche-added = Tranche planifiée.
admin-tranche-moved = Tranche mise à jour.
admin-tranche-state = État
admin-planned-on = Prévue le
admin-paid-on = Payée le
admin-payment-reference = Référence du paiement
admin-tranche-planned = Planifiée
admin-tranche-approved = Approuvée
admin-tranche-paid = Payée
admin-tranche-reconciled = Rapprochée
admin-tranche-step-approve = Approuver
admin-tranche-step-pay = Marquer payée
admin-tranche-step-reconcile = Rapprocher
admin-error-tranche-over-line = Les tranches dépasseraient le montant approuvé.
admin-error-overpaid = Le paiement dépasserait le montant approuvé.
admin-error-payment-reference = Saisissez la référence du paiement (3 à 60 caractères).
admin-refused-tranche-state = Cette tranche n'en est pas à cette étape.

## Dashboard: follow-up
admin-dashboard-follow-up = Accompagnement des bénéficiaires
admin-dashboard-financing = Financement par bailleur
admin-operating-6 = Activités en fonctionnement à 6 mois
admin-operating-12 = Activités en fonctionnement à 12 mois

## Audit log: follow-up
admin-audit-action-site-saved = Incubateur ou centre enregistré
admin-audit-action-cohort-saved = Cohorte ouverte
admin-audit-action-enrolment = Inscription dans une cohorte
admin-audit-action-cohort-move = Changement de cohorte
admin-audit-action-session-scheduled = Séance programmée
admin-audit-action-attendance-recorded = Appel enregistré
admin-audit-action-visit-recorded = Visite notée
admin-audit-action-milestone-confirmed = Étape confirmée
admin-audit-action-survey-recorded = Enquête enregistrée
admin-audit-action-financing-approved = Financement approuvé
admin-audit-action-tranche-planned = Tranche planifiée
admin-audit-action-tranche-approved = Tranche approuvée
admin-audit-action-tranche-paid = Tranche payée
admin-audit-action-tranche-reconciled = Tranche rapprochée
admin-audit-subject-site = Site
admin-audit-subject-cohort = Cohorte
admin-audit-subject-session = Séance

## The programme's report: indicators and the axes they are split by
admin-report-all = Ensemble
admin-indicator-received = Candidatures reçues
admin-indicator-received-definition = Toutes les candidatures déposées, quelle que soit leur étape.
admin-indicator-accepted = Femmes retenues
admin-indicator-accepted-definition = Candidatures acceptées, qui occupent une place de l'objectif régional, inscrites au programme depuis ou non.
admin-indicator-waiting-list = Sur liste d'attente
admin-indicator-waiting-list-definition = Candidatures placées sur la liste d'attente de leur région.
admin-indicator-rejected = Candidatures non retenues
admin-indicator-rejected-definition = Candidatures refusées après étude.
admin-indicator-enrolled = Femmes inscrites au programme
admin-indicator-enrolled-definition = Femmes retenues puis inscrites dans une cohorte d'un incubateur de leur région.
admin-indicator-trained = Femmes formées
admin-indicator-trained-definition = Femmes inscrites présentes à au moins une séance de 4 des 8 modules de formation.
admin-indicator-coached = Femmes accompagnées
admin-indicator-coached-definition = Femmes inscrites ayant reçu au moins une visite de leur coach.
admin-indicator-formalised = Projets formalisés
admin-indicator-formalised-definition = Femmes inscrites dont le projet a pris une forme juridique (auto-entrepreneure, coopérative ou société), étape confirmée.
admin-indicator-first-sale = Premières ventes
admin-indicator-first-sale-definition = Femmes inscrites dont le projet a réalisé sa première vente, étape confirmée.
admin-indicator-financed = Femmes financées
admin-indicator-financed-definition = Femmes inscrites ayant au moins une ligne de financement approuvée, quel que soit le bailleur.
admin-indicator-paid = Financements versés
admin-indicator-paid-definition = Femmes inscrites ayant reçu au moins une tranche de financement.
admin-indicator-operating-6 = Activité en marche à 6 mois
admin-indicator-operating-6-definition = Femmes inscrites dont l'activité fonctionnait lors de l'enquête à 6 mois.
admin-indicator-operating-12 = Activité en marche à 12 mois
admin-indicator-operating-12-definition = Femmes inscrites dont l'activité fonctionnait lors de l'enquête à 12 mois.
admin-reached = Étape du suivi atteinte
admin-axis-region = Région
admin-axis-province = Province ou préfecture
admin-axis-age-band = Tranche d'âge
admin-axis-area = Milieu (urbain ou rural)
admin-axis-sector = Secteur
admin-axis-stage = Stade du projet
admin-axis-channel = Canal d'inscription
admin-axis-education = Niveau d’études
admin-axis-reason = Motif de non-retenue
admin-nav-report = Bilan
admin-report-title = Bilan du programme
admin-report-indicator = Indicateur
admin-report-rows = En lignes
admin-report-columns = En colonnes
admin-report-no-split = Sans découpage
admin-report-from = Déposées à partir du
admin-report-to = Jusqu'au
admin-report-show = Afficher
admin-report-suppressed = Les effectifs de moins de 5 femmes sont indiqués « < 5 », et « × » masque un chiffre qui permettrait de les recalculer.
admin-report-chart-regions = { $indicator } par région
admin-report-chart-target = Objectif de la région (places)
admin-report-chart-months = { $indicator } mois par mois, selon la date de dépôt
admin-report-chart-map = { $indicator } : carte des 12 régions
admin-report-count = Nombre
admin-report-country = Tout le pays
admin-report-period = Période de dépôt
admin-report-as-of = Données au
admin-report-partner-note = Chiffres des partenaires : les dossiers déposés jusqu’à la fin du mois dernier, tels qu’ils étaient au début de ce mois, mis à jour une fois par mois. La province ne se croise avec aucun autre axe.
admin-report-partner-not-crossed = Ces deux axes ne se croisent pas pour les partenaires : choisissez deux axes différents, la province seule.
admin-report-reason-rejected-only = Le motif ne partage que les candidatures non retenues : choisissez cet indicateur, ou un autre axe.
admin-report-invalid = Ce bilan ne peut pas être établi : vérifiez les dates et les découpages.
admin-report-export = Télécharger ce bilan
admin-report-export-xlsx = Tableur (.xlsx), une feuille par indicateur
admin-report-export-csv = CSV, une ligne par chiffre

## The partners' API keys (partners/)
admin-nav-partners = Clés des partenaires
admin-partners-title = Clés d'accès des partenaires
admin-partners-lead = Une clé ouvre l'API des partenaires à un partenaire : les indicateurs du programme, jamais une personne. Elle est montrée une seule fois ; la plateforme n'en garde que l'empreinte.
admin-partners-document = Ce que l'API sert, décrit en OpenAPI pour les informaticiens du partenaire :
admin-partner-key-issue = Émettre une clé
admin-partner-key-issued = Clé émise. Copiez-la maintenant et remettez-la au partenaire : elle ne sera plus jamais affichée.
admin-partner-keys-none = Aucune clé émise.
admin-partner-key-revoked-done = Clé révoquée : elle n'ouvre plus l'API.
admin-partner-key-scope = Portée
admin-partner-key-shown = Début de la clé
admin-partner-key-issued-on = Émise le
admin-partner-key-expires = Expire le
admin-partner-key-last-used = Dernier usage
admin-partner-key-state = État
admin-partner-key-revoke = Révoquer
admin-partner-key-revoke-ask = Révoquer cette clé ? Le partenaire perd l'accès à l'instant, sans retour.
admin-partner-key-revoke-confirm = Oui, révoquer
admin-partner-key-name = Nom (le partenaire et l'usage)
admin-partner-key-days = Validité (jours, 1 à 366)
admin-partner-key-active = Active
admin-partner-key-expired = Expirée
admin-partner-key-revoked = Révoquée
admin-partner-key-error-name = Donnez un nom à la clé.
admin-partner-key-error-name-chars = Le nom fait au plus 100 caractères visibles.
admin-partner-key-error-days = Entrez un nombre de jours entre 1 et 366.
admin-audit-action-partner-key-issued = Clé de partenaire émise
admin-audit-action-partner-key-revoked = Clé de partenaire révoquée
admin-audit-action-partner-api-call = Appel de l'API des partenaires
