"""The words people use to ask, in English, Danish and Swedish: tables, not code.

Every phrase is written the way :func:`bot.knowledge.text.normalize` leaves it (lower case, no
accents: ``hvornår`` → ``hvornar``, ``kræft`` → ``kraeft``). Nothing here names an entry of the
knowledge base: synonyms point at *words* (``insulin`` → ``diabetes``) that the knowledge base's
own aliases then resolve, so a word whose target is not in the data simply does nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from types import MappingProxyType
from typing import Final

from bot.knowledge import CentreKind, Status

__all__ = [
    "CAPABILITY_PHRASES",
    "CONCEPTS",
    "CONNECTORS",
    "COUNTRIES",
    "FIELD_WORDS",
    "FILLER",
    "GREETINGS",
    "KIND_WORDS",
    "LANGUAGE_MARKERS",
    "OUT_OF_DOMAIN",
    "PLACE_AREAS",
    "PLACE_EXONYMS",
    "SIGNAL_PHRASES",
    "STATUS_WORDS",
    "SYNONYMS",
    "THANKS",
    "Signal",
]


class Signal(StrEnum):
    """What a phrase says about the kind of question."""

    COUNT = "count"
    WHERE = "where"
    WHO = "who"
    HOST = "host"
    LEAD = "lead"
    FOUNDER = "founder"
    FUNDER = "funder"
    WHEN = "when"
    FOUNDED = "founded"
    ENDED = "ended"
    STATUS = "status"
    WHAT = "what"
    ABOUT = "about"
    LIST = "list"
    MOST = "most"
    LEAST = "least"
    PARTS = "parts"
    OLDEST = "oldest"
    NEWEST = "newest"
    NAME = "name"
    WEBSITE = "website"


def split_words(words: str) -> list[str]:
    """``"a|b c"`` → ``["a", "b c"]``: long word lists stay readable."""
    return words.split("|")


def _phrases(*pairs: tuple[Signal, str]) -> Mapping[str, frozenset[Signal]]:
    table: dict[str, set[Signal]] = {}
    for signal, phrases in pairs:
        for phrase in phrases.split("|"):
            table.setdefault(phrase.strip(), set()).add(signal)
    return MappingProxyType({phrase: frozenset(s) for phrase, s in table.items()})


SIGNAL_PHRASES: Final = _phrases(
    (
        Signal.COUNT,
        "how many|how much|how big|how large|hvor stor|hvor store|hur stor|hur stora"
        "|number of|what number|what share|what percentage|what proportion"
        "|share of|percentage of|proportion of|how large a share|count|total"
        "|hvor mange|hvor meget|hvor stor en andel|hvor stor andel|antal|antallet|andel|andelen"
        "|procent|hur manga|hur mycket|hur stor andel|hur stor del|antalet",
    ),
    (
        Signal.WHERE,
        "where|wheres|which city|what city|which country|what country|in which city|in what city"
        "|location|located|based|whereabouts|address"
        "|hvor ligger|hvor er|hvor holder|hvilken by|hvilket land|beliggenhed|placeret"
        "|var ligger|var finns|var ar|vilken stad|vilket land|belagen|ligger"
        "|headquartered|headquarters|hq|situated|based in|based out of|hvor findes|hvor sidder"
        "|til huse|hovedsaede|hovedkontor|hvilken del af|var haller|haller till"
        "|var sitter|huvudkontor|hemvist|vilken del av|sate|saete",
    ),
    (Signal.WHO, "who|whom|whos|hvem|vem"),
    (
        Signal.HOST,
        "host|hosts|hosted|hosting|runs|run|running|owns|own|owned|operates|operated"
        "|belongs to|part of|under|affiliated|behind|institution|parent|umbrella"
        "|driver|drives|ejer|ejes|star bag|tilknyttet|huser|vaertsinstitution|vaert"
        "|driver|ager|ags|star bakom|tillhor|anknuten|vard|huvudman",
    ),
    (
        Signal.LEAD,
        "lead|leads|leader|led|leading|head|heads|headed|director|directs|chair|chairs"
        "|manager|manages|managed|in charge|ceo|boss|principal investigator|pi"
        "|leder|ledes|ledet|chef|direktor|forestander|formand"
        "|leder|leds|ledare|ledd|ledede|ledte|ledde|ledda|forestandare|ordforande"
        "|directed|directing|directorship|heading|chaired|chairing|chairman|chairwoman"
        "|chairperson|managing|management|in charge of|at the helm|runs the show|spearheads"
        "|i spidsen|spidsen|star i spidsen|direktoren|chefen|formanden|ledelse|ledelsen|styrer"
        "|i spetsen|spetsen|star i spetsen|chef for|chef over|styr|styrs|ledning|ledningen"
        "|prefekt|vd|ordforanden",
    ),
    (
        Signal.FOUNDER,
        "founded|founder|founders|founding|established|establish|started|start|set up|setup"
        "|created|create|launched|opened|began|begin|inaugurated|formed"
        "|grundlagt|grundlagde|grundlaegger|stiftet|stiftede|etableret|etablerede|startet"
        "|startede|oprettet|oprettede|abnet|abnede|dannet"
        "|grundad|grundade|grundades|grundare|etablerad|etablerades|startad|startade|startades"
        "|bildad|bildades|oppnade|oppnades|inrattad|inrattades",
    ),
    (
        Signal.FUNDER,
        "fund|funds|funded|funding|funder|funders|finance|finances|financed|financing|pays"
        "|pay for|paid for|grant|grants|sponsor|sponsors|sponsored|backs|backed"
        "|finansierer|finansieret|finansiering|betaler|bevilling|stotte|stottet"
        "|finansierar|finansierad|finansieras|finansiar|betalar|anslag|bidrag",
    ),
    (
        Signal.WHEN,
        "when|what year|which year|since when|how old|how long|what date|age"
        "|hvornar|hvilket ar|hvor gammel|hvor lang tid|siden hvornar"
        "|nar|vilket ar|hur gammal|hur lange|sedan nar|arstal",
    ),
    (
        Signal.FOUNDED,
        "founded|founding|established|started|set up|created|launched|opened|began|formed"
        "|inaugurated|grundlagt|stiftet|etableret|startet|startede|oprettet|abnet|dannet"
        "|grundad|grundades|etablerad|etablerades|startad|startade|startades|bildades|oppnade",
    ),
    (
        Signal.ENDED,
        "end|ended|ending|close|closed|closing|closure|shut|shut down|stopped|stop|ceased"
        "|terminated|wound up|discontinued|dissolved|defunct|no longer|finished|over"
        "|lukket|lukkede|lukke|nedlagt|nedlagde|ophort|ophorte|stoppet|slut|sluttede|afsluttet"
        "|stangd|stangdes|stangde|lades ned|nedlagd|avslutad|avslutades|upphorde|upphort"
        "|slutade|avvecklad|inte langre|ikke laengere|ikke mere|replaced|replacement|successor"
        "|succeeded|superseded|took over|taken over|erstattede|erstattet|erstatning|efterfolger"
        "|afloser|ersatte|ersatt|ersattare|efterfoljare|eftertradare|renamed|new name",
    ),
    (
        Signal.STATUS,
        "still|active|exist|exists|existing|running|operating|operational|alive|status"
        "|current|currently|today|now|open|ongoing|going"
        "|stadig|stadigvaek|fortsat|aktiv|aktivt|findes|eksisterer|drift|nu|i dag"
        "|fortfarande|fortfarande|finns|finns kvar|existerar|aktiva|idag|pagar",
    ),
    (
        Signal.WHAT,
        "what|hvad|vad|what is|whats|what are|what does|what do|what did|what was|what kind of"
        "|what type of"
        "|describe|explain|definition|meaning of|what on earth is|what was|what were|stand for"
        "|stands for|hvad var|hvad star|hvad betyder|vad var|vad star|vad betyder"
        "|hvad er|hvad laver|hvad gor|hvad handler|hvad bestar|hvad forsker|beskriv|forklar"
        "|vad ar|vad gor|vad handlar|vad sysslar|vad forskar|beskriv|forklara",
    ),
    (
        Signal.ABOUT,
        "tell me about|tell me more about|info on|info about|information about|information on"
        "|details on|details about|more about|overview of|fortael om|fortael mig om"
        "|info om|information om|beratta om|beratta mer om|mer om|mere om",
    ),
    (
        Signal.LIST,
        "which|what centres|what centers|what hospitals|what universities|what programmes"
        "|what programs|what groups|what institutes|what organisations|what organizations"
        "|list|list all|show|show me|any|are there|is there|who does|who do|who works|who work"
        "|who is working|who are working|who researches|who studies|find|name some|examples of"
        "|hvilke|hvilken|hvilket|findes der|er der|hvem arbejder|hvem forsker|hvem laver"
        "|vilka|vilken|vilket|finns det|ar det|vem arbetar|vem forskar|vem sysslar|nagra",
    ),
    (
        Signal.MOST,
        "most|largest|biggest|highest|greatest|more|leading|top|the most|flest|mest|storst"
        "|storste|hojest|hojst|fler|flere|mer|compare|comparison|versus|vs|rank|ranking",
    ),
    (
        Signal.LEAST,
        "least|fewest|smallest|lowest|less|fewer|faerrest|mindst|minst|farre|lavest|lagst",
    ),
    (Signal.MOST, "bigger|larger|better|greater|higher|storre|hojere|stoerre|bedre|battre"),
    (Signal.LEAST, "smaller|lower|worse|mindre|lavere|lagre|samre"),
    (
        Signal.PARTS,
        "part of|parts of|belong to|belongs to|units of|under|horer under|hoerer under|del af"
        "|dele af|tillhor|ingar i|del av|delar av|inside|within|in it",
    ),
    (
        Signal.OLDEST,
        "oldest|older|earliest|first founded|longest running|aeldst|aeldste|aeldre|aldst"
        "|aldsta|aldre|forst grundlagt|forst grundad",
    ),
    (
        Signal.NEWEST,
        "newest|newer|youngest|younger|latest|most recent|most recently|nyest|nyeste|nyere"
        "|yngst|yngste|yngre|nyast|nyaste|nyare|senast",
    ),
    (
        Signal.WEBSITE,
        "website|web site|homepage|home page|url|web address|webpage|web page|site|online"
        "|hjemmeside|hjemmesiden|webside|websted|webbplats|webbplatsen|hemsida|hemsidan|contact"
        "|kontakt|kontakte|kontakta|reach",
    ),
    (
        Signal.NAME,
        "stand for|stands for|short for|full name|abbreviation|abbreviation of|acronym"
        "|abbreviated|hvad star|star for|forkortelse|vad star|star for|forkortning|betyder"
        "|betyr|mean|means|other names|also called|also known as|aka",
    ),
)
"""Phrase → the signals it sends. Matched on whole words, longest phrase first."""

GREETINGS: Final = frozenset(
    split_words(
        "hi|hello|hey|hej|hejsan|hallo|halla|goddag|godmorgen|god morgen|godmorgon|god morgon"
        "|yo|hiya|howdy|good morning|good afternoon|good evening|hi there|hello there"
        "|hey there|greetings|morning|evening|hej hej|tjena|tjenare|hallaa|dav|halloj|moin"
        "|sup|whats up|hello bot|hi bot|hey bot|hej bot|god dag|how are you|hvordan gar det"
        "|hur mar du|hur ar laget|hvordan har du det"
    )
)
THANKS: Final = frozenset(
    split_words(
        "thanks|thank you|thank you very much|thanks a lot|many thanks|thx|ty|cheers"
        "|great thanks|thank u|tak|mange tak|tusind tak|tak skal du have|tack|tack sa mycket"
        "|tusen tack|tackar|tack tack|perfect thanks|ok thanks|okay thanks|great|perfect"
        "|awesome|nice|cool|super|good bot|ok|okay|brilliant|fedt|toppen|bra|godt|fint"
        "|tak for hjaelpen|tack for hjalpen|thanks for the help|thank you for the help|bye"
        "|goodbye|farvel|hej da|hejda|vi ses"
    )
)
CAPABILITY_PHRASES: Final = frozenset(
    split_words(
        "what can you do|what do you do|what can i ask|what can i ask you|what do you know"
        "|what do you know about|how do i use|how can i use|how to ask|who are you|what are you"
        "|how do you work|how does this work"
        "|how do i use you|how to use|what are you for|what is this bot|what is medicon bot"
        "|help me|can you help|can you help me|i need help|commands|usage"
        "|what questions can i ask|hvad kan du|hvad kan du gore|hvad ved du|hvem er du"
        "|hvad er du|hvordan virker du|hvad kan jeg sporge om|hjaelp mig|kan du hjaelpe mig"
        "|vad kan du|vad kan du gora|vad vet du|vem ar du|vad ar du|hur fungerar du"
        "|vad kan jag fraga|hjalp mig|kan du hjalpa mig"
        "|how does it work|how do i ask|how should i ask|how do i talk to you|what can this do"
        "|what can this bot do|what is this|how does this bot work|how do you use this"
        "|hvordan bruger jeg|hvordan bruger man|hvordan bruges|hvordan virker det|hvordan virker"
        "|hvordan fungerer du|hvordan fungerer det|hvad kan du hjaelpe med|hvad kan jeg sporge"
        "|hvad kan jeg bruge dig til|hvordan sporger jeg|hvad kan jeg sporge dig om|hvad gor du"
        "|hur anvander jag|hur anvander man|hur anvands|hur funkar du|hur funkar det|hur funkar"
        "|hur fungerar det|hur fungerar|vad kan du hjalpa med|vad kan jag fraga dig om"
        "|vad kan jag anvanda dig till|hur fragar jag|hur ska jag fraga|vad gor du|vad kan du gora"
    )
)

FILLER: Final = frozenset(
    split_words(
        "a|an|the|is|are|was|were|be|been|being|of|for|in|on|at|to|by|with|from|about|into"
        "|and|or|do|does|did|done|doing|has|have|had|it|its|this|that|these|those|there|here"
        "|me|my|i|you|your|we|our|us|they|them|their|he|she|his|her|can|could|would|should"
        "|will|shall|may|might|must|please|pls|plz|tell|know|say|said|give|get|got|want|like"
        "|also|any|some|all|every|much|many|very|really|just|only|so|then|than|as|if|well|yet"
        "|currently|today|now|ever|exactly|roughly|approximately|about|around|ish|kind|sort"
        "|research|researchers|researcher|researching|science|scientific|work|works|worked"
        "|working|study|studies|studying|focus|focused|focusing|focuses|area|areas|field"
        "|fields|topic|topics|medicine|medical|life|lifescience|sciences|region|regional"
        "|cluster|one|ones|what|which|who|whom|whose|where|when|how|why|whats|wheres|whos"
        "|hows|thing|things|hi|hey|hello|ok|okay|again|yes|no|not|dont|doesnt|isnt|arent"
        "|wasnt|didnt|cant|og|eller|af|en|et|den|det|de|der|som|er|var|har|havde|til|fra|med"
        "|om|pa|i|for|ved|hvem|hvad|hvor|hvornar|hvordan|hvorfor|hvilke|hvilken|jeg|du|vi|man"
        "|mig|dig|os|sig|nogen|noget|nogle|alle|mange|meget|kan|vil|skal|ma|bliver|blev"
        "|forskning|forsker|forskere|forsket|forskes|arbejder|arbejde|omradet|omrade|inden"
        "|indenfor|inom|innen|och|eller|av|ett|den|det|de|som|ar|var|har|hade|till|fran|med"
        "|om|pa|for|vid|hos|vem|vad|nar|hur|varfor|vilka|vilken|jag|vi|mig|dig|oss|sig|nagon"
        "|nagot|nagra|alla|manga|mycket|kan|vill|ska|maste|blir|blev|forskar|forskare"
        "|forskningen|arbetar|arbete|omradet|inriktning|inriktad|handlar|sysslar|bedriver"
        "|driver|lave|laver|gor|gora|deres|dens|dets|sin|sitt|sina|sit|sine|ogsa|ocksa|bare"
        "|bara|lige|just|egentlig|idea|curious|actually|basically|nowadays|anyway"
    )
)
"""Words that carry no topic of their own in any of the three languages."""

CONNECTORS: Final = frozenset(
    split_words(
        "forskning|forskningen|forsker|forskere|forskeren|forskare|forskaren|forskarna"
        "|forskningscenter|forskningscentre|center|centre|centret|centrum|centeret|centers"
        "|terapi|terapier|terapien|behandling|behandlingen|behandlinger|behandlingar"
        "|virksomhed|virksomheder|virksomhederne|foretag|foretagen|foretaget|bolag|bolagen"
        "|firma|firmaer|selskaber|sygdom|sygdomme|sjukdom|sjukdomar|patienter|patient|medicin"
        "|medicinen|lakemedel|laegemidler|laegemiddel|omrade|omradet|felt|feltet|enhed"
        "|enheden|afdeling|avdelning|gruppe|grupp|gruppen|institut|institutet|research"
        "|researchers|researcher|therapy|therapies|treatment|treatments|centres|studier"
        "|studies|forsog|trials|projekt|projekter|projektet|program|programmet|biologi"
        "|biology|medicine|laeger|lakare|klinik|kliniken|specialister|eksperter|experter"
    )
)
"""Second halves of compounds: ``kræft|forskning``, ``diabetes|forskare``, ``stamcelle|terapi``."""


def _table(pairs: str) -> Mapping[str, str]:
    table: dict[str, str] = {}
    for pair in pairs.split("|"):
        word, target = pair.split("=")
        table[word.strip()] = target.strip()
    return MappingProxyType(table)


SYNONYMS: Final = _table(
    "insulin=diabetes|blood sugar=diabetes|glucose=diabetes|blodsukker=diabetes"
    "|blodsocker=diabetes|insulinresistens=diabetes|insulin resistance=diabetes"
    "|overweight=obesity|fedme=obesity|overvaegt=obesity|overvikt=obesity|diabetiker=diabetes"
    "|diabetics=diabetes|diabetic=diabetes|sukkersyge=diabetes|sockersjuka=diabetes"
    "|dementia=alzheimers|demens=alzheimers|memory loss=alzheimers|alzheimer=alzheimers"
    "|parkinson=parkinsons|huntington=huntingtons|als=neurodegeneration"
    "|motor neuron disease=neurodegeneration|mental health=psychiatry|depression=psychiatry"
    "|psykiatri=psychiatry|psykisk sygdom=psychiatry|psykisk ohalsa=psychiatry"
    "|autism=psychiatry|adhd=psychiatry|bipolar=psychiatry|migraine=neurology|migraene=neurology"
    "|migran=neurology|neurons=neuro|neuroner=neuro|nerve=neuro|nerves=neuro|nerver=neuro"
    "|nervous system=neuro|brains=brain|hjerner=hjerne|hjarnor=hjarna|neurovidenskab=neuro"
    "|neurovetenskap=neuro|neurobiology=neuro|neurobiologi=neuro|seizures=epilepsy"
    "|epileptic=epilepsy|skizofren=schizophrenia|schizophrenic=schizophrenia"
    "|probiotics=microbiome|probiotic=microbiome|probiotika=microbiome|probiotikum=microbiome"
    "|bacteria=microbiome|bakterier=microbiome|microbes=microbiome|mikrober=microbiome"
    "|microbial=microbiome|gut health=microbiome|tarmsundhed=microbiome|tarmhalsa=microbiome"
    "|microbiomes=microbiome|mikrobiota=microbiome|prebiotics=microbiome|gut=microbiome"
    "|tarm=microbiome|tarmen=microbiome|tarmene=microbiome|microbiology=microbiome"
    "|blood cancer=cancer|leukaemia=cancer|leukemia=cancer|leukaemi=cancer|leukemi=cancer"
    "|lymphoma=cancer|lymfom=cancer|myeloma=cancer|myelomatose=cancer|tumours=tumour"
    "|tumors=tumor|tumorer=tumour|tumoerer=tumour|carcinoma=cancer|sarcoma=cancer"
    "|melanoma=cancer|chemotherapy=cancer|kemoterapi=cancer|cellegift=cancer|oncological=oncology"
    "|cancers=cancer|cancerous=cancer|kraeften=kraeft|kraeftsygdomme=kraeft|cancern=cancer"
    "|immunotherapy=cancer|immunterapi=cancer|prostate cancer=cancer|lung cancer=cancer"
    "|prostatacancer=cancer|lungecancer=cancer|lungcancer=cancer|tarmkraeft=cancer"
    "|inflammatory=inflammation|inflamed=inflammation|inflammations=inflammation"
    "|betaendelser=betaendelse|inflammationer=inflammation|autoimmunity=autoimmune"
    "|arthritis=rheumatoid arthritis|artrit=rheumatoid arthritis|gigtsygdomme=gigt"
    "|reuma=rheumatology|rheumatism=rheumatology|reumatologi=rheumatology|psoriasis=inflammation"
    "|crohns=inflammation|crohn=inflammation|colitis=inflammation|ibd=inflammation"
    "|lupus=autoimmune|eczema=allergy|eksem=allergi|allergies=allergy|allergier=allergi"
    "|allergic=allergy|immune system=immunology|immunsystemet=immunology|immune=immunology"
    "|immunforsvar=immunology|immunforsvaret=immunology|immunologi=immunology"
    "|stem=stem cell|stemcell=stem cell|stemcells=stem cell|stem cells=stem cell"
    "|stamcelle=stamceller|stamcell=stamceller|stamcellerna=stamceller|stamcellerne=stamceller"
    "|ips cells=stem cell|ipsc=stem cell|ipscs=stem cell|organoids=stem cell|organoider=stem cell"
    "|regeneration=regenerative medicine|regenerativ medicin=regenerative medicine"
    "|cellterapi=cell therapy|celleterapi=cell therapy|genterapi=gene therapy"
)
"""A word people use → a word or phrase the knowledge base's aliases know."""

CONCEPTS: Final = _table(
    "money=dkk eur sek funding grant|penge=dkk eur sek funding grant"
    "|pengar=dkk eur sek funding grant|funding=dkk eur sek funding grant"
    "|kroner=dkk|kronor=sek|euros=eur|budget=dkk eur sek funding"
    "|forskargrupper=research groups|forskergrupper=research groups"
    "|forskningsgrupper=research groups"
    "|ansatte=employed employees staff|anstallda=employed employees staff"
    "|medarbejdere=employed employees staff|medarbetare=employed employees staff"
    "|employees=employed employees staff|staff=employed employees staff"
    "|work=employed workforce jobs|works=employed workforce jobs"
    "|working=employed workforce jobs|arbejder=employed workforce jobs"
    "|researchers=researchers scientists|scientists=researchers scientists"
    "|forskere=researchers scientists|forskare=researchers scientists"
    "|arbetar=employed workforce jobs"
    "|virksomhed=companies|virksomheder=companies|virksomhederne=companies|firma=companies"
    "|firmaer=companies|selskab=companies|selskaber=companies|foretag=companies"
    "|foretagen=companies|bolag=companies|bolagen=companies|businesses=companies"
    "|firms=companies|company=companies|startups=companies|biotechs=companies"
    "|forbindelser=compounds|stoffer=compounds|laegemidler=compounds|laegemiddel=compounds"
    "|laegemiddelkandidater=compounds|kandidater=compounds|substanser=compounds"
    "|lakemedel=compounds|lakemedelskandidater=compounds|drugs=compounds|drug=compounds"
    "|candidates=compounds|molecules=compounds|medicines=compounds|products=compounds"
    "|produkter=compounds|molekyler=compounds|compound=compounds|therapeutics=compounds"
    "|udvikling=development|utveckling=development|developing=development|udvikles=development"
    "|utvecklas=development|organisationer=organisations|organizations=organisations"
    "|organization=organisations|organisation=organisations|institutions=organisations"
    "|aktorer=organisations|players=organisations|actors=organisations"
    "|personer=people|mennesker=people|folk=people|manniskor=people|persons=people"
    "|beskaeftiget=employed"
    "|workers=employed|employ=employed|employs=employed"
    "|employment=employed|beskaeftigede=employed|sysselsatta=employed|workforce=workforce"
    "|arbejdsstyrke=workforce|arbetskraft=workforce|jobs=jobs|job=jobs|jobb=jobs"
    "|arbejdspladser=jobs|arbetstillfallen=jobs|arbetsplatser=jobs|positions=jobs"
    "|indbyggere=inhabitants|invanare=inhabitants|befolkning=population|befolkningen=population"
    "|residents=inhabitants|live=inhabitants|lives=inhabitants|bor=inhabitants|populated=population"
    "|people live=inhabitants|universiteter=universities|universitet=universities"
    "|universiteten=universities|university=universities|hospitaler=hospitals"
    "|sygehuse=hospitals|sjukhus=hospitals|sjukhusen=hospitals|hospital=hospitals"
    "|medlemmer=members|medlemmar=members|member=members|membership=members"
    "|studier=studies|forsog=studies|trials=studies|study=studies|kliniske=clinical"
    "|kliniska=clinical|andel=share|procent=share|percent=share|percentage=share"
    "|proportion=share|investeringer=investments|investeringar=investments"
    "|investment=investments|invested=investments|risikovillig=venture|riskkapital=venture"
    "|vc=venture|livsvidenskab=life science|life sciences=life science|biotech=life science"
    "|pharma=life science|forste runde=first round"
)
"""Danish, Swedish and everyday English words → the English words the numbers are labelled in."""

KIND_WORDS: Final[Mapping[str, CentreKind | None]] = MappingProxyType(
    {
        **dict.fromkeys(
            split_words(
                "centre|centres|center|centers|centret|centrene|centrum|centra|centeret|institute"
                "|institutes|places|organisations|organizations|entries|entities|groups|teams|labs"
                "|laboratories|units|institutions"
            ),
            None,
        ),
        **dict.fromkeys(
            split_words(
                "hospital|hospitals|hospitaler|hospitalet|sygehus|sygehuse|sjukhus|sjukhuset"
                "|sjukhusen|clinic|clinics|universitetshospital|universitetssjukhus"
            ),
            CentreKind.HOSPITAL,
        ),
        **dict.fromkeys(
            split_words(
                "university|universities|universitet|universiteter|universitetet|universiteten|uni"
                "|unis|college|colleges"
            ),
            CentreKind.UNIVERSITY,
        ),
        **dict.fromkeys(
            split_words(
                "programme|programmes|program|programs|programmer|programmet|initiative|initiatives"
                "|project|projects|projekt|projekter"
            ),
            CentreKind.PROGRAMME,
        ),
        **dict.fromkeys(
            split_words(
                "department|departments|institut|afdeling|afdelinger|avdelning|avdelningar|faculty"
            ),
            CentreKind.DEPARTMENT,
        ),
        **dict.fromkeys(["unit", "enhed", "enheder", "enhet", "enheter"], CentreKind.UNIT),
        **dict.fromkeys(
            split_words(
                "research group|research groups|forskningsgruppe|forskningsgrupper|forskargrupp"
                "|forskargrupper|forskningsgrupp"
            ),
            CentreKind.RESEARCH_GROUP,
        ),
        **dict.fromkeys(
            split_words(
                "funder|funders|foundation|foundations|fond|fonde|fonden|fonder|stiftelse|stiftelser"
                "|financier|financiers|donor|donors"
            ),
            CentreKind.FUNDER,
        ),
        **dict.fromkeys(
            split_words(
                "science park|science parks|sciencepark|research park|research parks|forskerpark"
                "|forskerparker|forskningspark|forskningsparker|innovation park|campus|campuses"
                "|incubator|incubators"
            ),
            CentreKind.SCIENCE_PARK,
        ),
        **dict.fromkeys(
            split_words(
                "infrastructure|infrastructures|facility|facilities|infrastruktur|faciliteter|anlaeg"
                "|anlaggning|anlaggningar|synchrotron|neutron source|biobank|biobanks|core facility"
            ),
            CentreKind.INFRASTRUCTURE,
        ),
        **dict.fromkeys(
            split_words(
                "company|companies|firm|firms|business|businesses|virksomhed|virksomheder"
                "|virksomhederne|selskab|selskaber|foretag|foretagen|foretaget|bolag|bolagen"
                "|firma|firmaer|biotechs|startups|pharma companies|biotech companies"
                "|life science companies|medtech companies|industry"
            ),
            CentreKind.COMPANY,
        ),
        **dict.fromkeys(
            split_words(
                "association|associations|network|networks|alliance|alliances|forening|foreninger"
                "|forening|foreningar|natverk|netvaerk|organisation body|trade organisation"
                "|cluster organisation"
            ),
            CentreKind.ORGANISATION,
        ),
    }
)
"""Words for kinds of place; ``None`` means any kind (``centres`` covers them all)."""

PLACE_AREAS: Final[Mapping[str, frozenset[str]]] = MappingProxyType(
    {
        "copenhagen": frozenset(
            split_words(
                "kobenhavn|frederiksberg|gentofte|hellerup|herlev|glostrup|hvidovre|valby"
                "|soborg|bagsvaerd|ballerup|bronshoj|brondby|rodovre|lyngby|kongens lyngby"
                "|kastrup|orestad|osterbro|norrebro|amager|gladsaxe|taastrup|albertslund|smorum"
                "|vanlose|dragor|ishoj|vallensbaek|copenhagen o|copenhagen n|copenhagen s"
            )
        ),
    }
)
"""A city and the towns a local counts as part of it: Herlev and Gentofte are in Copenhagen's
area, so "centres in Copenhagen" finds the hospitals there (the municipalities of the
Copenhagen urban area)."""

STATUS_WORDS: Final[Mapping[str, Status]] = MappingProxyType(
    {
        **dict.fromkeys(
            split_words(
                "closed|ended|shut|shut down|defunct|former|formerly|discontinued|ceased|dissolved"
                "|no longer active|no longer exist|no longer exists|not active|inactive|stopped"
                "|lukket|lukkede|nedlagt|nedlagte|ophort|ophorte|tidligere|stangd|stangda|stangt"
                "|nedlagd|nedlagda|avslutad|avslutade|upphort|upphorda|fore detta"
                "|closed down|wound up|finished|lagts ner|lagts ned|lagt ner|lagt ned|lukket ned"
            ),
            Status.ENDED,
        ),
        **dict.fromkeys(
            split_words(
                "uncertain|unclear|unknown status|unverified|uncertain status|usikker|usikre|uklar"
                "|osaker|osakra|oklar|oklara|doubtful"
            ),
            Status.UNCERTAIN,
        ),
        **dict.fromkeys(
            ["renamed", "omdobt", "omdopt", "new name", "nyt navn", "nytt namn"], Status.RENAMED
        ),
        **dict.fromkeys(
            split_words(
                "active|current|still active|still running|running|operating|existing|aktiv|aktive"
                "|aktiva|nuvaerende|nuvarande|igangvaerende|pagaende"
            ),
            Status.ACTIVE,
        ),
    }
)

COUNTRIES: Final[Mapping[str, str]] = MappingProxyType(
    {
        **dict.fromkeys(
            split_words(
                "denmark|danmark|danish|dansk|danske|danska|danske|dk|zealand|sjaelland|sjalland"
                "|capital region|region hovedstaden|hovedstaden|hovedstadsomradet"
            ),
            "DK",
        ),
        **dict.fromkeys(
            split_words(
                "sweden|sverige|swedish|svensk|svenske|svenska|skane|scania|southern sweden"
                "|sydsverige|region skane|schonen"
            ),
            "SE",
        ),
    }
)
PLACE_EXONYMS: Final = _table(
    "kobenhavn=copenhagen|kopenhamn=copenhagen|kbh=copenhagen|cph=copenhagen"
    "|copenhagens=copenhagen|kobenhavns=copenhagen|malmo=malmo|malmoe=malmo|lunds=lund"
    "|helsingborgs=helsingborg|helsingor=elsinore|frederiksberg=frederiksberg"
)
"""Other spellings of a city → the spelling the knowledge base uses (normalised)."""

FIELD_WORDS: Final = frozenset(
    split_words(
        "fields|research fields|research areas|areas|forskningsomrade|forskningsomrader"
        "|forskningsomraderne|forskningsomraden|forskningsomradet|omrader|omraden|falt|falten"
        "|felter|felterne|forskningsfelter|forskningsfalt|fields of research|topics|amner|amnen"
    )
)
"""Words for the research fields themselves: "which fields are there?" lists them."""

OUT_OF_DOMAIN: Final = frozenset(
    split_words(
        "drop table|select|insert into|delete from|union select|truncate|script|alert|onerror"
        "|traceback|exception|error|errors|null|undefined|lorem ipsum|lorem|ipsum|asdf|qwerty"
        "|foo|bar|baz|rm rf|sudo|exec|eval|stacktrace|stack trace|segfault|http|https|www"
        "|stock|stocks|share price|stock price|aktie|aktier|aktiekurs|kurs|price|prices|pris"
        "|priser|cost|costs|koster|kostar|weather|vejret|vadret|forecast|recipe|opskrift"
        "|recept|salary|salaries|lon|lonn|wage|wages|phone|telephone|email|e mail|mail"
        "|diagnose|diagnosis|diagnosed|should i|should i take|recommend|recommendation|advice"
        "|prescribe|prescription|cure me|treat me|my diabetes|my cancer|do i have|am i|expensive"
        "|cheap|buy|sell|invest in|book|meeting|schedule|send|headache|fever|doctor near|best"
        "|worst|bedst|bedste|bast|basta|samst"
        "|password|parking|parkering|ticket|tickets|billet|biljett|menu|restaurant"
        "|restaurants|hotel|hotels|flight|flights|train|trains|bus|buses|football|soccer"
        "|score|joke|jokes|song|poem|movie|film|president|prime minister|statsminister"
        "|election|valg|val|bitcoin|crypto|dividend|revenue|profit|turnover|omsaetning"
        "|omsattning|market cap|valuation|ipo|shareholders|opening hours|abningstider"
        "|oppettider|visiting hours|appointment|booking|symptoms|symptomer|symtom|diagnose me"
        "|cure me|dose|dosage|side effects|bivirkninger|biverkningar|translate|oversaet"
        "|oversatt|time is it|date today|capital of|population of tokyo|write|code|python|sql"
        "|javascript|homework|essay|girlfriend|boyfriend|love|dinner|lunch|breakfast|beer"
        "|coffee|pizza"
    )
)
"""Things people ask that no entry of this knowledge base could answer."""

LANGUAGE_MARKERS: Final[Mapping[str, frozenset[str]]] = MappingProxyType(
    {
        "da": frozenset(
            split_words(
                "hvem|hvad|hvor|hvornar|hvordan|hvorfor|hvilke|hvilken|hvilket|mange|meget|ikke|jeg"
                "|findes|laver|grundlagt|grundlagde|stadig|stadigvaek|tak|ejer|virksomheder|kraeft"
                "|hjerne|danmark|kobenhavn|sygehus|nogle|fortael|arbejder|forsker|lukket|nedlagt"
                "|fortsat|og|af|fra|hvis|nogen|noget|hvilket|paa|blev|eksisterer|etableret"
                "|startet|oprettet|driver|ledes|hjaelp|goddag|godmorgen|forskere|hej med dig"
            )
        ),
        "sv": frozenset(
            split_words(
                "vem|vad|nar|hur|varfor|vilka|vilken|vilket|manga|mycket|inte|jag|finns|gor|grundades"
                "|grundad|grundade|fortfarande|tack|ager|foretag|bolag|hjarna|hjarnan|sverige|sjukhus"
                "|nagra|beratta|arbetar|forskar|stangd|nedlagd|och|av|fran|nagon|nagot|blev|existerar"
                "|etablerad|startades|leds|hjalp|hejsan|godmorgon|forskare|ar|hjarnforskning"
                "|kopenhamn|tusen|var ligger"
            )
        ),
    }
)
"""Words that tip a question towards Danish or Swedish; anything else is English. A word both
write alike (``hej``, ``ligger``, ``mig``, ``aktivt``) is in neither list: it leaves the choice
to the rest of the message, else to the person. A phrase (``hej med dig``, ``var ligger``)
counts when the question says it word for word."""
