// Template previews for admins: every email in emails/ rendered with its sample data.
import { EMAIL_TEMPLATES, isEmailTemplateName } from "../../../emails";

export function listEmailTemplates() {
  return Object.entries(EMAIL_TEMPLATES).map(([name, template]) => ({ name, title: template.title, sentWhen: template.sentWhen }));
}

/** The sample rendering of one template, or null when there is no template of that name. */
export async function renderEmailPreview(name: string) {
  if (!isEmailTemplateName(name)) return null;
  const template = EMAIL_TEMPLATES[name];
  return { name, title: template.title, sentWhen: template.sentWhen, ...(await template.renderSample()) };
}
