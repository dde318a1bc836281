## Site
site-name = Jisr
site-description = Jisr : la plateforme d'inscription et de suivi du programme d'autonomisation économique et de leadership des femmes.
skip-to-content = Aller au contenu
lang-switcher-label = Langue
quick-exit = Quitter vite
quick-exit-hint = Quitte ce site tout de suite pour une page neutre. Raccourci : appuyez trois fois sur Maj.
loading = Chargement…
back-home = Retour à l'accueil
back = Retour
help-title = Besoin d'aide ?
help-call = Appelez le
help-find-centre = Trouver votre centre
help-generic = Demandez à votre centre de l'Entraide Nationale ou au service social de votre commune.
centres-title = Les centres du programme
centres-intro = Dans chacun de ces centres, une agente vous reçoit, vous aide à vous inscrire et répond à vos questions sur votre dossier.
centre-nearest-title = Le centre de votre région
footer-ministry = Ministère de la Solidarité, de l'Insertion sociale et de la Famille
footer-partners = Avec l'appui de l'UNFPA et de l'AECID, en partenariat avec l'Entraide Nationale et l'Agence de Développement Social.

## Errors
error-internal = Un problème est survenu de notre côté. Réessayez dans un instant.
error-network = La connexion au serveur a échoué. Vérifiez votre connexion puis réessayez.
error-not-signed-in = Votre session a expiré ou vous n'êtes pas connecté(e). Connectez-vous.
error-password-change-required = Vous devez d'abord remplacer votre mot de passe temporaire.
error-forbidden = Votre rôle ne permet pas cette opération.
error-not-found = Rien ne correspond à cet identifiant, ou vous n'avez pas accès à ce contenu.
error-invalid = Une valeur est en dehors des limites autorisées.
not-found-title = Page introuvable
not-found-text = La page demandée n'existe pas ou a été déplacée.

## Landing page
landing-eyebrow = Ministère de la Solidarité, de l'Insertion sociale et de la Famille
landing-title = Programme d'autonomisation économique et de leadership des femmes
landing-lead = Vous portez une idée de projet ou une activité qui vous fait vivre ? Le programme vous accompagne : formation, accompagnement dans un incubateur social de votre région et financement.
landing-cta = Commencer mon inscription
landing-cta-note = Gratuit. Environ 10 minutes, depuis votre téléphone.
offers-title = Ce que le programme offre
offer-training-title = Formation
offer-training-text = Une formation en gestion et une formation technique liée à votre projet.
offer-coaching-title = Accompagnement
offer-coaching-text = Un suivi personnalisé dans les incubateurs sociaux régionaux, avec l'Entraide Nationale et l'Agence de Développement Social.
offer-financing-title = Financement
offer-financing-text = Un appui pour financer le lancement ou le développement de votre activité.
eligibility-title = Qui peut s'inscrire
eligibility-intro = Le programme s'adresse à chaque femme qui remplit ces conditions :
eligibility-age = avoir 18 ans ou plus ;
eligibility-residence = vivre au Maroc ;
eligibility-project = porter une idée de projet ou une activité génératrice de revenus ;
eligibility-situation = vivre au moins une situation difficile : veuve, divorcée, mère célibataire, cheffe de ménage, en situation de handicap, victime de violence, sans revenu, aidante d'une personne à charge, ou autre.
steps-title = Comment ça se passe
step-register = Vous vous inscrivez en ligne, seule ou avec l'aide d'une agente de votre centre.
step-review = L'équipe de votre région étudie votre dossier et vous informe de la décision.
step-training = Vous suivez les formations et l'accompagnement près de chez vous.
step-financing = Votre projet est présenté pour un financement.
places-title = Places par région
places-intro = { $total } places dans { $regions }.
landing-regions-count = { $count } régions
places-left = { $n ->
    [one] { $left } place restante sur { $target }
   *[other] { $left } places restantes sur { $target }
}
places-waitlist = Toutes les places sont attribuées
places-applied = { $n ->
    [one] { $applied } inscription reçue
   *[other] { $applied } inscriptions reçues
}
places-note = Les places sont attribuées lors de l'examen des dossiers, pas dans l'ordre d'arrivée. Quand une région reçoit plus de dossiers retenus que de places, les suivants vont sur une liste d'attente.

## Registration
register-title = S'inscrire au programme
register-intro = L'inscription se fait en 8 étapes courtes. Vous pouvez vous arrêter et reprendre plus tard : vos réponses sont gardées.
register-needs-title = Ce qu'il vous faut
register-needs-cin = votre carte nationale d'identité (CIN) ;
register-needs-phone = un numéro de téléphone mobile ;
register-needs-time = environ 10 minutes.
register-kept = Après l'étape « Identité », vous recevez un code de reprise pour continuer sur un autre téléphone.
register-start = Commencer
register-resume-link = J'ai un code de reprise
status-link = Suivre mon dossier
step-progress = Étape { $step } sur { $total }
step-eligibility-title = Pouvez-vous participer ?
step-identity-title = Votre identité
step-residence-title = Où vous vivez
step-situation-title = Votre situation
step-schooling-title = Votre scolarité
step-project-title = Votre projet
step-preferences-title = Vos préférences
step-consent-title = Vos données et votre accord
step-answer-first = Répondez d'abord à l'étape précédente :
step-continue = Continuer
step-save-and-return = Enregistrer et revenir au récapitulatif
resume-code-label = Votre code de reprise, pour continuer sur un autre téléphone :
not-eligible-title = Vous ne pouvez pas vous inscrire à ce programme
not-eligible-change = Modifier mes réponses
region-abroad = Je vis hors du Maroc
situation-none = Aucune de ces situations
field-optional = (facultatif)
select-placeholder = Choisissez…
error-summary-title = Certaines réponses sont à corriger
change = Modifier
answer-none = Pas de réponse
situations-chosen = Situations indiquées à la première étape

## Questions
field-adult = Avez-vous 18 ans ou plus ?
field-region = Région où vous vivez
field-has-project = Avez-vous une idée de projet ou une activité qui vous rapporte un revenu ?
field-has-project-hint = Par exemple : couture, élevage, cuisine, petit commerce, même à la maison.
field-situations = Votre situation
field-situations-hint = Cochez tout ce qui vous concerne.
field-first-name = Prénom
field-first-name-hint = En lettres arabes ou latines, comme sur votre CIN.
field-last-name = Nom
field-cin = Numéro de CIN
field-cin-hint = Une ou deux lettres puis des chiffres, par exemple BK123456.
field-birth-date = Date de naissance
field-birth-date-hint = Le jour, le mois et l'année, en chiffres. Par exemple, 14 3 1985.
date-day = Jour
date-month = Mois
date-year = Année
field-phone = Téléphone mobile
field-phone-hint = Par exemple 06 12 34 56 78.
field-email = Adresse e-mail
field-province = Province ou préfecture
field-locality = Commune ou localité
field-area = Vous vivez
field-marital-status = Situation familiale
field-dependants = Nombre de personnes à votre charge
field-dependants-hint = Enfants, parents ou autres personnes que vous faites vivre. 0 si aucune.
field-household-head = Êtes-vous cheffe de ménage ?
field-disability = Êtes-vous en situation de handicap ?
field-education = Niveau d'études
field-reading = Lecture et écriture
field-rsu = Êtes-vous inscrite au Registre Social Unifié (RSU) ?
field-rsu-hint = Le RSU donne accès aux aides sociales de l'État.
field-income = Votre revenu actuel
field-situation-details = Dites-nous en plus sur votre situation
field-situation-details-hint = Si vous le souhaitez, 500 caractères au plus.
field-stage = Où en est votre projet ?
field-sector = Secteur
field-description = Décrivez votre projet en quelques phrases
field-description-hint = Ce que vous faites ou voulez faire, pour qui, et ce qu'il vous manque. De 20 à 1 000 caractères. Si l'écrire vous est difficile, cochez la case plus bas : vous l'expliquerez au centre.
field-explain-at-centre = Écrire votre projet vous est difficile ?
explain-at-centre = Je l'expliquerai de vive voix au centre
field-support = De quel appui avez-vous besoin ?
field-cooperative-member = Êtes-vous membre d'une coopérative ?
field-budget = Budget approximatif du projet
field-centre = Centre ou ville où vous préférez suivre la formation
field-centre-hint = Par exemple le centre de l'Entraide Nationale le plus proche.
field-availability = Vos disponibilités
field-training-language = Langue de formation préférée
field-consent = Votre accord
field-resume-code = Code de reprise
field-resume-code-hint = Le code de 8 caractères reçu pendant l'inscription, par exemple 7K4M-2P9X.
field-reference = Numéro de dossier
field-reference-hint = Par exemple JSR-7K4M-2P9X.
field-identity = Votre CIN ou votre date de naissance
field-identity-hint = Par exemple BK123456 ou 14/03/1985.

## Consent (Law 09-08)
consent-purpose-title = Pourquoi nous demandons ces informations
consent-purpose = Vos réponses servent uniquement à étudier votre candidature au programme d'autonomisation économique et de leadership des femmes, à vous contacter et à suivre votre parcours de formation, d'accompagnement et de financement.
consent-who-title = Qui les voit
consent-who = L'équipe du programme de votre région et du Ministère de la Solidarité, de l'Insertion sociale et de la Famille. Les partenaires (UNFPA, AECID, Entraide Nationale, Agence de Développement Social) ne voient que des chiffres d'ensemble, jamais votre nom.
consent-keep-title = Combien de temps
consent-keep = Votre dossier est gardé pendant la durée du programme, puis cinq ans au plus, avant d'être supprimé. Une inscription commencée et non envoyée est supprimée après 30 jours.
consent-rights-title = Vos droits
consent-rights = Selon la loi 09-08 sur la protection des données personnelles, vous pouvez consulter vos données, les faire corriger, vous opposer à leur traitement ou retirer votre candidature, en vous adressant au Ministère ou à votre centre. Vous pouvez aussi saisir la CNDP (Commission nationale de contrôle de la protection des données à caractère personnel).
consent-version = Version du texte : { $version }
consent-agree = J'ai lu ce texte et j'accepte que mes réponses soient utilisées ainsi.

## Check your answers
check-title = Vérifiez vos réponses
check-intro = Relisez vos réponses. Vous pouvez modifier chacune avant d'envoyer votre inscription.
check-declaration = En envoyant, vous confirmez que vos réponses sont exactes.
check-submit = Envoyer mon inscription

## Submitted
submitted-title = Votre inscription est envoyée
submitted-none-title = Aucune inscription envoyée depuis ce téléphone
submitted-reference-label = Votre numéro de dossier :
submitted-region-places = Région { $region } : { $target } places, { $applied } inscriptions reçues à ce jour. Les places sont attribuées lors de l'examen des dossiers, pas dans l'ordre d'arrivée.
submitted-keep-title = Gardez ce numéro
submitted-keep = Il vous servira à suivre votre dossier. Notez-le, faites une capture d'écran ou envoyez-le-vous par SMS.
submitted-copy = Copier le numéro
submitted-copied = Numéro copié
submitted-sms = L'envoyer par SMS
submitted-next-title = Et maintenant ?
submitted-next-review = L'équipe de votre région étudie votre dossier dans les 4 semaines.
submitted-next-call = Elle vous appelle au numéro que vous avez donné pour vous informer de la décision.
submitted-next-training = Si vous êtes retenue, elle vous invite à la première séance de formation.

## Resume and status
resume-title = Reprendre mon inscription
resume-intro = Entrez le code de reprise reçu pendant l'inscription et votre date de naissance.
resume-submit = Reprendre
status-title = Suivre mon dossier
status-intro = Entrez votre numéro de dossier et votre CIN ou votre date de naissance.
status-submit = Voir l'état de mon dossier
status-reference = Dossier
status-not-found = Aucun dossier ne correspond à ces informations. Vérifiez le numéro de dossier et votre CIN ou votre date de naissance.
status-submitted = Reçu : votre dossier attend d'être étudié.
status-under-review = En cours d'étude par l'équipe de votre région.
status-accepted = Accepté : l'équipe de votre région va vous contacter.
status-waiting-list = Sur la liste d'attente : vous serez contactée si une place se libère.
status-rejected = Non retenu. L'équipe de votre région peut vous expliquer pourquoi.
status-enrolled = Inscrite au programme.
status-withdrawn = Retiré à votre demande.
status-next-session = Votre prochaine séance :
status-coach = Votre coach :

## Answers refused, shown next to the field
field-error-required = Cette réponse est obligatoire.
field-error-too-short = { $min ->
    [one] 1 caractère au moins.
   *[other] { $min } caractères au moins.
}
field-error-too-long = { $max } caractères au plus.
field-error-control-characters = Ce texte contient des caractères invisibles. Retapez-le sans copier-coller.
field-error-name-characters = Utilisez seulement des lettres, des espaces, des tirets ou des apostrophes.
field-error-mixed-scripts = Écrivez le nom soit en lettres arabes, soit en lettres latines, pas les deux.
field-error-cin-format = Le numéro de CIN commence par une ou deux lettres suivies de chiffres, par exemple BK123456.
field-error-phone-format = Donnez un numéro de mobile marocain, par exemple 06 12 34 56 78 ou +212 6 12 34 56 78.
field-error-email-format = Cette adresse e-mail n'est pas valide. Une adresse valide ressemble à nom@exemple.ma. Cette réponse est facultative.
field-error-date-format = Donnez une date réelle, au format JJ/MM/AAAA.
field-error-date-in-future = Cette date est dans le futur.
field-error-too-young = Le programme est ouvert aux femmes de { $age } ans ou plus.
field-error-date-implausible = Vérifiez l'année de naissance.
field-error-not-an-option = Choisissez une des réponses proposées.
field-error-reference-format = Le numéro de dossier ressemble à JSR-7K4M-2P9X.
field-error-number-range = Donnez un nombre entier de 0 à { $max }.
field-error-consent-required = Cochez la case pour donner votre accord ; sans lui, nous ne pouvons pas étudier votre inscription.
field-error-resume-code-format = Le code de reprise a 8 caractères, par exemple 7K4M-2P9X.
field-error-resume-not-found = Aucune inscription en cours ne correspond à ce code et à cette date de naissance. Le code a peut-être expiré après 30 jours.
field-error-identity-format = Donnez votre numéro de CIN (par exemple BK123456) ou votre date de naissance (par exemple 14/03/1985).
field-error-too-many-attempts = Trop d'essais en peu de temps. Attendez une minute puis réessayez.
registration-too-many = Trop d'inscriptions sont parties de cette connexion ces derniers temps. Rien de ce que vous avez écrit n'est perdu : réessayez plus tard, ou demandez de l'aide à votre centre.
field-error-none-with-others = Vous avez coché « Aucune de ces situations » avec une autre situation. Décochez l'une ou l'autre.

## Choices offered by the registration form
situation-widowed = Veuve
situation-divorced = Divorcée
situation-single-mother = Mère célibataire
situation-head-of-household = Cheffe de ménage
situation-disability = En situation de handicap
situation-violence-survivor = Victime de violence
situation-no-income = Sans revenu
situation-caregiver = Aidante d'une personne à charge
situation-other = Autre situation difficile
answer-yes = Oui
answer-no = Non
marital-single = Célibataire
marital-married = Mariée
marital-divorced = Divorcée
marital-widowed = Veuve
marital-separated = Séparée
education-none = Aucune scolarité
education-primary = Primaire
education-middle = Collège
education-secondary = Lycée
education-vocational = Formation professionnelle
education-higher = Études supérieures
reading-reads-and-writes = Je lis et j'écris
reading-reads-a-little = Je lis un peu
reading-does-not-read = Je ne lis pas
income-none = Aucun revenu
income-under-1000 = Moins de 1 000 DH par mois
income-1000-2999 = De 1 000 à 2 999 DH par mois
income-3000-4999 = De 3 000 à 4 999 DH par mois
income-5000-plus = 5 000 DH par mois ou plus
area-urban = En ville
area-rural = À la campagne
stage-idea = Une idée de projet
stage-informal = Une activité informelle
stage-auto-entrepreneur = Auto-entrepreneuse
stage-cooperative = Une coopérative
stage-company = Une entreprise
sector-agriculture = Agriculture et élevage
sector-agri-food = Agroalimentaire
sector-handicrafts = Artisanat
sector-textile = Textile et couture
sector-commerce = Commerce
sector-services = Services
sector-tourism = Tourisme
sector-digital = Numérique
sector-other = Autre secteur
support-training = Formation
support-coaching = Accompagnement
support-financing = Financement
support-equipment = Équipement
support-market-access = Accès aux marchés
budget-under-10000 = Moins de 10 000 DH
budget-10000-49999 = De 10 000 à 49 999 DH
budget-50000-99999 = De 50 000 à 99 999 DH
budget-100000-plus = 100 000 DH ou plus
availability-mornings = Les matinées
availability-afternoons = Les après-midi
availability-full-days = Des journées entières
availability-weekends = Le week-end
training-language-darija = Darija
training-language-arabic = Arabe
training-language-tamazight = Tamazight
training-language-french = Français

## Eligibility: why she cannot join, and where else to turn
not-eligible-under-18 = Le programme est réservé aux femmes de 18 ans ou plus.
not-eligible-outside-morocco = Le programme accompagne les femmes qui vivent au Maroc.
not-eligible-no-project = Le programme accompagne une idée de projet ou une activité qui rapporte un revenu ; il faut en avoir une pour s'inscrire.
not-eligible-no-situation = Le programme s'adresse aux femmes qui vivent au moins une des situations difficiles de la liste.
not-eligible-elsewhere = D'autres aides existent : le centre de l'Entraide Nationale le plus proche, les espaces multifonctionnels pour les femmes et l'Agence de Développement Social peuvent vous orienter. Vos réponses n'ont pas été enregistrées.
