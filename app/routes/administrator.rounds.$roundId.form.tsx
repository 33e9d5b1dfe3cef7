import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Button, Checkboxes, TextInput } from "~/components/govuk/fields";
import { SummaryList, SummaryRow } from "~/components/govuk/summary-list";
import { titleMeta } from "~/components/page-title";
import { RoundSetupPage } from "~/components/rounds/round-setup-page";
import { OPTIONAL_SECTIONS } from "~/domain/bids/proportionate";
import { DOCUMENT_KINDS, documentKindLabel } from "~/domain/documents/document-kinds";
import { BANDS, fieldName, FORM_RULES_LISTS, formRulesFormSchema, formRulesValues, LIMITS } from "~/domain/rounds/form-rules.schema";
import { loadRoundFormRules, saveRoundFormRules } from "~/domain/rounds/form-rules.server";
import { formatDateTime } from "~/lib/dates";
import { formatPounds } from "~/lib/money";
import { useGovukForm } from "~/lib/use-govuk-form";
import { requirePermission } from "~/web/guards.server";
import { orNotFound } from "~/web/not-found";
import { readForm } from "~/web/parse-form.server";
import { refusalResponse } from "~/web/respond.server";

export const meta = titleMeta("Application form");

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:round");
  const loaded = orNotFound(await loadRoundFormRules(params.roundId ?? "", new Date()), "Round not found");
  return { round: loaded.round, locked: loaded.locked, values: formRulesValues(loaded.rules) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:round");
  const roundId = params.roundId ?? "";
  const posted = await readForm(request, FORM_RULES_LISTS);
  const result = await saveRoundFormRules(user.id, roundId, posted, new Date());
  if (!result.ok) return refusalResponse(result.refusal, { values: posted as Record<string, string | string[]> });
  return redirect(`/administrator/rounds/${roundId}/form?saved=1`);
}

const BAND_TITLE = { small: "Small requests", standard: "Standard requests" } as const;

export default function RoundForm() {
  const { round, locked, values: stored } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [search] = useSearchParams();
  const { register, errors, onSubmit } = useGovukForm(formRulesFormSchema, { serverErrors: actionData?.errors });
  const values = (actionData?.values ?? stored) as Record<string, string | string[]>;
  const list = (name: string) => {
    const v = values[name];
    return Array.isArray(v) ? v : typeof v === "string" ? [v] : [];
  };
  const bandHint = (band: (typeof BANDS)[number]) =>
    band === "small"
      ? `Bids asking for less than ${formatPounds(round.smallBidThresholdPence)}.`
      : `Bids asking for ${formatPounds(round.smallBidThresholdPence)} or more.`;
  return (
    <RoundSetupPage
      title="Application form"
      roundName={round.name}
      errors={errors}
      banner={search.get("saved") && !actionData ? <p className="govuk-notification-banner__heading">The application form has been saved.</p> : null}
    >
      <p className="govuk-body">
        Small requests can be asked fewer questions, for fewer documents, with shorter answers. The small-grant threshold is set in the round details. About the
        project, priorities, areas, budget and declarations are always asked.
      </p>
      {locked ? (
        <>
          <div className="govuk-inset-text">{`The round opened on ${formatDateTime(round.opensAt)}. The application form cannot be changed now.`}</div>
          {BANDS.map((band) => (
            <div key={band}>
              <h2 className="govuk-heading-m">{BAND_TITLE[band]}</h2>
              <SummaryList>
                <SummaryRow label="Sections asked">{list(fieldName(band, "sections")).join(", ") || "None of the optional sections"}</SummaryRow>
                <SummaryRow label="Documents asked for">{list(fieldName(band, "documentKinds")).map(documentKindLabel).join(", ") || "None"}</SummaryRow>
                {LIMITS.map((l) => (
                  <SummaryRow key={l.key} label={l.label}>{`${String(values[fieldName(band, l.key)])} ${l.unit === "words" ? "words" : "at most"}`}</SummaryRow>
                ))}
              </SummaryList>
            </div>
          ))}
        </>
      ) : (
        <Form method="post" noValidate onSubmit={onSubmit}>
          {BANDS.map((band) => (
            <div key={band}>
              <h2 className="govuk-heading-m">{BAND_TITLE[band]}</h2>
              <p className="govuk-body">{bandHint(band)}</p>
              <Checkboxes
                name={fieldName(band, "sections")}
                legend="Sections asked"
                hint="Select all that apply."
                error={errors[fieldName(band, "sections")]}
                defaultValue={list(fieldName(band, "sections"))}
                choices={OPTIONAL_SECTIONS.map((s) => ({ value: s.key, label: s.title }))}
                inputProps={register(fieldName(band, "sections"))}
              />
              <Checkboxes
                name={fieldName(band, "documentKinds")}
                legend="Documents asked for"
                hint="With none selected, the supporting documents section is left out."
                error={errors[fieldName(band, "documentKinds")]}
                defaultValue={list(fieldName(band, "documentKinds"))}
                choices={DOCUMENT_KINDS.map((d) => ({ value: d.kind, label: d.label }))}
                inputProps={register(fieldName(band, "documentKinds"))}
              />
              {LIMITS.map((l) => (
                <TextInput
                  key={l.key}
                  {...register(fieldName(band, l.key))}
                  label={l.unit === "words" ? `${l.label}: word limit` : `${l.label}: most rows`}
                  inputMode="numeric"
                  widthClass="govuk-input--width-4"
                  error={errors[fieldName(band, l.key)]}
                  defaultValue={String(values[fieldName(band, l.key)] ?? "")}
                />
              ))}
            </div>
          ))}
          <Button>Save application form</Button>
        </Form>
      )}
    </RoundSetupPage>
  );
}
