// The fixed wording of the AP notification documents (print HTML and PDF), Dutch and
// English. Internal to notify/ (which may not use the web layer's catalogs); constant
// data, thread-safe.
#pragma once

#include <string_view>

#include "model/form_schema.h"

namespace bd::notify::texts {

struct Text {
  std::string_view nl;
  std::string_view en;
  std::string_view operator()(model::Language lang) const { return lang == model::Language::kNl ? nl : en; }
};

inline constexpr Text kTitle{"Melding datalek aan de Autoriteit Persoonsgegevens",
                             "Personal data breach notification to the Dutch DPA (Autoriteit Persoonsgegevens)"};
inline constexpr Text kIntro{
    "De antwoorden in de volgorde en met de vragen van het meldformulier van de AP. Neem ze over in het "
    "formulier op datalekken.autoriteitpersoonsgegevens.nl en leg daarna het meldnummer vast.",
    "The answers in the order and wording of the AP's notification form. Copy them into the form at "
    "datalekken.autoriteitpersoonsgegevens.nl, then record the notification number."};
inline constexpr Text kOrganisation{"Organisatie", "Organisation"};
inline constexpr Text kReference{"Registernummer", "Register reference"};
inline constexpr Text kBreachTitle{"Omschrijving", "Title"};
inline constexpr Text kKind{"Soort melding", "Kind of notification"};
inline constexpr Text kStatus{"Status", "Status"};
inline constexpr Text kApReference{"Meldnummer AP", "AP notification number"};
inline constexpr Text kSubmittedAt{"Ingediend op", "Submitted on"};
inline constexpr Text kPrevious{"Vervolg op melding", "Follows up notification"};
inline constexpr Text kGeneratedAt{"Opgesteld op", "Prepared on"};
inline constexpr Text kNotYet{"nog niet", "not yet"};
inline constexpr Text kMissingTitle{"Nog niet compleet: dit ontbreekt nog (art. 33 lid 3 AVG en het AP-formulier)",
                                    "Not complete yet: still missing (Art. 33(3) GDPR and the AP form)"};
inline constexpr Text kComplete{"Alle verplichte antwoorden zijn ingevuld.", "Every required answer is given."};
inline constexpr Text kChangesTitle{"Gewijzigd sinds de vorige melding", "Changed since the last notification"};
inline constexpr Text kNoChanges{"Geen antwoorden gewijzigd sinds de vorige melding.",
                                 "No answers changed since the last notification."};
inline constexpr Text kQuestion{"Vraag", "Question"};
inline constexpr Text kBefore{"Vorige melding", "Previous notification"};
inline constexpr Text kAfter{"Nu", "Now"};
inline constexpr Text kChanged{"gewijzigd", "changed"};
inline constexpr Text kPage{"Pagina", "Page"};
inline constexpr Text kOf{"van", "of"};
inline constexpr Text kFooter{"Opgesteld met breachdesk. Bijlagen mogen geen persoonsgegevens van betrokkenen bevatten.",
                              "Prepared with breachdesk. Attachments must not hold personal data of the people affected."};

}  // namespace bd::notify::texts
