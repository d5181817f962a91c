// "Meld een (mogelijk) datalek": the short intake anyone in the organisation (but an
// auditor) can file: what happened, when it was noticed, who reports.
#include "http/error_mapping.h"
#include "http/handlers/session_pages.h"
#include "pages/form_view.h"
#include "pages/local_time.h"

namespace bd::http::handlers {
namespace {

constexpr std::string_view kFields[] = {"title", "what_happened", "discovered_date", "discovered_time",
                                        "reporter_name", "reporter_phone", "reporter_email"};

// Service error fields (form ids) -> the intake's field names.
std::string intake_field(std::string_view id) {
  if (id == "breach.summary") return "what_happened";
  if (id == "time.discovered" || id == "discovered") return "discovered_date";
  if (id == "reporter.name") return "reporter_name";
  if (id == "reporter.phone") return "reporter_phone";
  if (id == "reporter.email") return "reporter_email";
  if (id == "meta.title") return "title";
  return std::string(id);
}

}  // namespace

Response intake_form(const WebContext& ctx, const Request& request, const Params* input,
                     const pages::FieldErrors& errors, int status) {
  const service::Actor& actor = *actor_of(request);
  if (!service::can_report(actor)) {
    return error_response(Error::forbidden("Uw rol mag geen datalek melden. Your role may not report a breach."),
                          ResponseFormat::kHtml);
  }
  pages::View v = base_view(ctx, request, "intake.title", Nav::kReport);
  pages::View values{pages::View::type::object};
  if (input != nullptr) {
    for (std::string_view name : kFields) values.set(std::string(name), field(*input, name));
  } else {
    const pages::LocalDateTime now = pages::iso_to_amsterdam(pages::instant_to_iso(ctx.services.clock().now()));
    values.set("discovered_date", now.date);
    values.set("discovered_time", now.time);
    values.set("reporter_name", actor.display_name);
    values.set("reporter_email", actor.email);
  }
  v.set("values", values);
  pages::View errs{pages::View::type::object};
  for (const auto& [name, message] : errors) errs.set(name, message);
  v.set("errors", errs);
  v.set("has_errors", !errors.empty());
  return render_page(ctx, request, "intake", v, status);
}

Response post_intake(const WebContext& ctx, Request& request) {
  const std::string lang = request_language(ctx, request);
  auto form = request.form();
  if (!form.ok()) return error_response(form.error(), ResponseFormat::kHtml);
  pages::FieldErrors errors;
  service::IntakeInput in;
  in.title = field(*form, "title");
  in.what_happened = field(*form, "what_happened");
  in.reporter_name = field(*form, "reporter_name");
  in.reporter_phone = field(*form, "reporter_phone");
  in.reporter_email = field(*form, "reporter_email");
  if (in.what_happened.find_first_not_of(" \t\r\n") == std::string::npos) {
    errors["what_happened"] = ctx.catalog().text(lang, "intake.error.what_happened");
  }
  std::string time = field(*form, "discovered_time");
  if (time.empty()) time = "00:00";
  auto iso = pages::amsterdam_to_iso(field(*form, "discovered_date"), time);
  if (!iso.ok()) {
    errors["discovered_date"] = ctx.catalog().text(lang, "form.error.time");
  } else if (auto t = pages::iso_to_instant(*iso); t.ok()) {
    in.discovered = *t;
  }
  if (!errors.empty()) return intake_form(ctx, request, &*form, errors, 400);
  auto breach = ctx.services.breaches().intake(*actor_of(request), in);
  if (!breach.ok()) {
    if (breach.error().kind != ErrorKind::kInvalidInput) return error_response(breach.error(), ResponseFormat::kHtml);
    const std::string name = breach.error().field.empty() ? "what_happened" : intake_field(breach.error().field);
    errors[name] = breach.error().message;
    return intake_form(ctx, request, &*form, errors, 400);
  }
  return Response::redirect_see_other("/breaches/" + breach->id + "?reported=1");
}

}  // namespace bd::http::handlers
