import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, fieldId } from "~/components/govuk/error-summary";
import { Button, TextInput } from "~/components/govuk/fields";
import { SuccessBanner } from "~/components/govuk/notification-banner";
import { reasonField, reasonSchemaFor, isReasonIntent } from "~/domain/assessment/ineligibility-reasons.schema";
import { changeIneligibilityReason, loadIneligibilityReasons } from "~/domain/assessment/ineligibility-reasons.server";
import { textValue, type FormObject } from "~/lib/form-values";
import { useGovukForm } from "~/lib/use-govuk-form";
import { readForm } from "~/web/parse-form.server";
import { refusalResponse } from "~/web/respond.server";
import { requirePermission } from "~/web/guards.server";
import type { FieldErrors } from "~/lib/form-errors";
import { titleMeta } from "~/components/page-title";
import { BackLink } from "~/components/govuk/links";
import { PageColumn } from "~/components/govuk/page-column";

export const meta = titleMeta("Reasons a bid is ineligible");

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:round");
  const loaded = await loadIneligibilityReasons(params.fundId ?? "");
  if (!loaded) throw new Response("Fund not found", { status: 404 });
  return loaded;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:round");
  const posted = await readForm(request);
  const result = await changeIneligibilityReason(user.id, params.fundId ?? "", posted);
  if (!result.ok) {
    // What was typed in the form that was sent, to show again.
    const field = posted.intent === "rename" ? reasonField(textValue(posted, "reasonId")) : posted.intent === "add" ? "text" : null;
    const typed = field === "text" ? textValue(posted, "text") : textValue(posted.reasons as FormObject | undefined, textValue(posted, "reasonId"));
    return refusalResponse(result.refusal, { message: null, posted: field ? { [field]: typed } : ({} as Record<string, string>) });
  }
  return { errors: {} as FieldErrors, message: result.message, posted: {} as Record<string, string> };
}

export default function IneligibilityReasons() {
  const { fund, reasons } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  // One form per reason and one to add: the button pressed picks the schema the browser checks.
  const { register, errors, onSubmit } = useGovukForm(
    (submitter) => {
      const reasonId = submitter?.form?.elements.namedItem("reasonId");
      return reasonSchemaFor(isReasonIntent(submitter?.value) ? submitter.value : "add", reasonId instanceof HTMLInputElement ? reasonId.value : "");
    },
    { serverErrors: actionData?.errors },
  );
  const posted: Record<string, string | undefined> = actionData?.posted ?? {};
  return (
    <PageColumn>
      <BackLink to="/administrator">Back to fund administration</BackLink>
      <ErrorSummary errors={errors} />
      <SuccessBanner message={actionData?.message} />
      <span className="govuk-caption-l">{fund.name}</span>
      <h1 className="govuk-heading-l">Reasons a bid is ineligible</h1>
      <p className="govuk-body">These are offered when you screen a bid. A reason you stop using stays on the bids already screened with it.</p>
      {reasons.length === 0 ? <p className="govuk-body">There are no reasons yet.</p> : null}
      {reasons.map((reason, index) => {
        const name = `reasons.${reason.id}`;
        return (
          <div key={reason.id} className="govuk-!-margin-bottom-6">
            <Form method="post" noValidate onSubmit={onSubmit}>
              <input type="hidden" name="reasonId" value={reason.id} />
              <TextInput
                {...register(name as never)}
                id={fieldId(name)}
                label={`Reason ${index + 1}${reason.active ? "" : " (not in use)"}`}
                error={errors[name]}
                defaultValue={posted[name] ?? reason.text}
              />
              <div className="govuk-button-group">
                <Button secondary name="intent" value="rename">
                  Save<span className="govuk-visually-hidden">{` reason ${index + 1}`}</span>
                </Button>
                <Button secondary name="intent" value={reason.active ? "deactivate" : "reactivate"}>
                  {reason.active ? "Stop using" : "Use again"}
                  <span className="govuk-visually-hidden">{` reason ${index + 1}`}</span>
                </Button>
              </div>
            </Form>
          </div>
        );
      })}
      <h2 className="govuk-heading-m">Add a reason</h2>
      <Form method="post" noValidate onSubmit={onSubmit}>
        <TextInput {...register("text" as never)} label="Reason" error={errors.text} defaultValue={posted.text ?? ""} />
        <Button name="intent" value="add">
          Add reason
        </Button>
      </Form>
    </PageColumn>
  );
}
