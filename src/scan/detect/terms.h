// The word lists behind scan/detect/dictionary.h. Data only; no locking needed.
#pragma once

#include <string_view>

namespace bd::scan::detect::terms {

// Health terms (Dutch and English), lower case; matched case-insensitively on word
// boundaries. Terms are specific enough that a hit means health data about someone.
inline constexpr std::string_view kHealth[] = {
    "diabetes", "suikerziekte", "astma", "asthma", "copd", "kanker", "cancer", "tumor",
    "tumour", "chemotherapie", "chemotherapy", "hiv", "aids", "hepatitis", "epilepsie",
    "epilepsy", "depressie", "depression", "burn-out", "burnout", "angststoornis",
    "anxiety disorder", "schizofrenie", "schizophrenia", "bipolaire stoornis",
    "bipolar disorder", "psychose", "psychosis", "adhd", "autisme", "autism", "dementie",
    "dementia", "alzheimer", "parkinson", "multiple sclerose", "multiple sclerosis",
    "hartfalen", "heart failure", "hartinfarct", "heart attack", "beroerte", "stroke",
    "herseninfarct", "hoge bloeddruk", "hypertensie", "hypertension", "zwangerschap",
    "zwanger", "pregnancy", "pregnant", "miskraam", "miscarriage", "abortus", "abortion",
    "verslaving", "addiction", "alcoholisme", "alcoholism", "drugsverslaving",
    "reuma", "reumatoïde artritis", "rheumatoid arthritis", "artrose", "osteoarthritis",
    "nierfalen", "kidney failure", "dialyse", "dialysis", "leukemie", "leukemia",
    "borstkanker", "breast cancer", "longkanker", "lung cancer", "allergie", "allergy",
    "coeliakie", "coeliac disease", "celiac disease", "crohn", "colitis ulcerosa",
    "obesitas", "obesity", "anorexia", "boulimia", "bulimia", "eetstoornis",
    "eating disorder", "ptss", "ptsd", "suïcidaal", "suicidal", "zelfmoordpoging",
    "suicide attempt", "medicatie", "medication", "insuline", "insulin", "antidepressiva",
    "antidepressants", "methadon", "methadone", "diagnose", "diagnosis", "fysiotherapie",
    "physiotherapy", "ggz", "psychiater", "psychiatrist", "psycholoog", "huisarts",
    "ziekenhuisopname", "hospitalisation", "hospitalization", "opname", "operatie",
    "surgery", "handicap", "beperking", "disability", "ziekteverzuim", "sick leave",
    "arbeidsongeschikt", "wia-uitkering", "dyslexie", "dyslexia", "covid-19", "corona",
    "tuberculose", "tuberculosis", "soa", "chlamydia", "syfilis", "syphilis",
    "ivf", "vruchtbaarheidsbehandeling", "fertility treatment", "blindheid", "doofheid",
    "slechthorend", "rolstoel", "wheelchair", "epileptisch", "migraine", "long covid"};

// Common first names in the Netherlands (and some English ones); matched
// case-sensitively as written here, then only when followed by a capitalised surname.
inline constexpr std::string_view kFirstNames[] = {
    "Jan", "Piet", "Kees", "Henk", "Johan", "Willem", "Hendrik", "Cornelis", "Gerrit",
    "Pieter", "Dirk", "Klaas", "Bram", "Daan", "Sem", "Lucas", "Levi", "Finn", "Luuk",
    "Milan", "Jesse", "Thomas", "Tim", "Ruben", "Lars", "Thijs", "Sven", "Stijn", "Niels",
    "Bas", "Joost", "Maarten", "Martijn", "Jeroen", "Sander", "Erik", "Mark", "Peter",
    "Paul", "Frank", "Rob", "Robert", "Michiel", "Arjen", "Wouter", "Koen", "Bart",
    "Jasper", "Vincent", "Dennis", "Patrick", "Richard", "Marco", "Hans", "Gert",
    "Theo", "Fred", "Harry", "Wim", "Ton", "Jos", "Rik", "Noah", "Mohammed", "Mohamed",
    "Ahmed", "Youssef", "Ali", "Mehmet", "Emma", "Julia", "Sophie", "Tess", "Zoë", "Zoe",
    "Sara", "Anna", "Eva", "Lotte", "Lisa", "Fleur", "Sanne", "Anouk", "Femke", "Iris",
    "Noor", "Lieke", "Marloes", "Linda", "Monique", "Sandra", "Petra", "Ingrid", "Anja",
    "Marieke", "Maria", "Johanna", "Cornelia", "Elisabeth", "Wilhelmina", "Hendrika",
    "Geertruida", "Annemarie", "Esther", "Ellen", "Karin", "Marjolein", "Inge", "Els",
    "Mieke", "Ria", "Truus", "Joke", "Annie", "Fatima", "Aisha", "Yasmina", "Nina",
    "Mila", "Saar", "Evi", "Roos", "Isa", "Lynn", "Jasmijn", "Yara", "Maud", "Hanna",
    "Hannah", "Laura", "Kim", "Naomi", "Chantal", "Bianca", "Mirjam", "Wendy", "Ilse",
    "Judith", "Charlotte", "Emily", "Olivia", "James", "John", "Michael", "David",
    "William", "Daniel", "Mary", "Elizabeth", "Jennifer", "Sarah"};

inline constexpr std::string_view kLabelBsn[] = {
    "bsn", "burgerservicenummer", "burger service nummer", "sofinummer", "sofi-nummer",
    "sofi nummer", "citizen service number"};
inline constexpr std::string_view kLabelCard[] = {
    "creditcard", "credit card", "creditcardnummer", "kaartnummer", "card number",
    "card no", "cardnumber", "visa", "mastercard", "amex", "american express", "maestro",
    "betaalkaart", "pan"};
inline constexpr std::string_view kLabelBirth[] = {
    "geboortedatum", "geboren", "geb.", "date of birth", "birth date", "birthdate",
    "born", "dob", "d.o.b."};
inline constexpr std::string_view kLabelDocument[] = {
    "paspoort", "paspoortnummer", "passport", "passport number", "identiteitskaart",
    "id-kaart", "id kaart", "identiteitsbewijs", "documentnummer", "document number",
    "rijbewijs", "rijbewijsnummer", "id card"};
inline constexpr std::string_view kSignatures[] = {
    "-----BEGIN PGP MESSAGE-----", "-----BEGIN PGP SIGNED", "-----BEGIN AGE ENCRYPTED FILE-----",
    "age-encryption.org/v1", "Salted__", "U2FsdGVkX1", "-----BEGIN ENCRYPTED PRIVATE KEY-----"};

inline constexpr std::string_view kSurnameParticles[] = {
    "van", "de", "der", "den", "ter", "ten", "te", "het", "'t", "la", "le", "du", "da",
    "di", "von", "op", "in", "uit", "vd", "v.d."};

}  // namespace bd::scan::detect::terms
