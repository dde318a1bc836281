## Site
site-name = Jisr
site-description = Jisr : la plateforme d'inscription et de suivi du programme d'autonomisation économique et de leadership des femmes.
skip-to-content = Aller au contenu
lang-switcher-label = Langue
quick-exit = Quitter vite
quick-exit-hint = Quitte ce site tout de suite pour une page neutre. Raccourci : appuyez trois fois sur Maj.
loading = Chargement…
back-home = Retour à l'accueil
footer-ministry = Ministère de la Solidarité, de l'Insertion sociale et de la Famille
footer-partners = Avec l'appui de l'UNFPA et de l'AECID, en partenariat avec l'Entraide Nationale et l'Agence de Développement Social.

## Errors
error-internal = Un problème est survenu de notre côté. Réessayez dans un instant.
error-network = La connexion au serveur a échoué. Vérifiez votre connexion puis réessayez.
not-found-title = Page introuvable
not-found-text = La page demandée n'existe pas ou a été déplacée.

## Landing page
landing-eyebrow = Ministère de la Solidarité, de l'Insertion sociale et de la Famille
landing-title = Programme d'autonomisation économique et de leadership des femmes
landing-lead = Vous portez une idée de projet ou une activité qui vous fait vivre ? Le programme vous accompagne : formation, accompagnement dans un incubateur social de votre région et financement.
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
eligibility-intro = Le programme s'adresse à chaque femme qui remplit ces conditions :
eligibility-age = avoir 18 ans ou plus ;
eligibility-residence = vivre au Maroc ;
eligibility-project = porter une idée de projet ou une activité génératrice de revenus ;
eligibility-situation = vivre au moins une situation difficile : veuve, divorcée, mère célibataire, cheffe de ménage, en situation de handicap, victime de violence, sans revenu, aidante d'une personne à charge, ou autre.
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
places-waitlist = Liste d'attente ouverte
places-waitlist-note = Quand toutes les places d'une région sont prises, l'inscription reste ouverte : vous rejoignez la liste d'attente.

## Registration
register-soon-title = L'inscription en ligne ouvre bientôt
register-soon-text = Le formulaire d'inscription sera disponible ici très prochainement. En attendant, l'agente de votre centre de l'Entraide Nationale peut vous renseigner.

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
field-error-phone-format = Donnez un numéro de mobile marocain, par exemple 06 12 34 56 78 ou +212 6 12 34 56 78.
field-error-email-format = Cette adresse e-mail n'est pas valide. Une adresse valide ressemble à nom@exemple.ma. Cette réponse est facultative.
field-error-date-format = Donnez une date réelle, au format JJ/MM/AAAA.
field-error-date-in-future = Cette date est dans le futur.
field-error-too-young = Le programme est ouvert aux femmes de { $age } ans ou plus.
field-error-date-implausible = Vérifiez l'année de naissance.
field-error-not-an-option = Choisissez une des réponses proposées.
field-error-reference-format = Le numéro de dossier ressemble à JSR-7K4M-2P9X.

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
income-under-1000 = Moins de 1 000 DH par mois
income-1000-2999 = De 1 000 à 2 999 DH par mois
income-3000-4999 = De 3 000 à 4 999 DH par mois
income-5000-plus = 5 000 DH par mois ou plus
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
budget-under-10000 = Moins de 10 000 DH
budget-10000-49999 = De 10 000 à 49 999 DH
budget-50000-99999 = De 50 000 à 99 999 DH
budget-100000-plus = 100 000 DH ou plus
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
not-eligible-no-project = Le programme accompagne une idée de projet ou une activité qui rapporte un revenu ; il faut en avoir une pour s'inscrire.
not-eligible-no-situation = Le programme s'adresse aux femmes qui vivent au moins une des situations difficiles de la liste.
not-eligible-elsewhere = D'autres aides existent : le centre de l'Entraide Nationale le plus proche, les espaces multifonctionnels pour les femmes et l'Agence de Développement Social peuvent vous orienter. Vos réponses n'ont pas été enregistrées.
