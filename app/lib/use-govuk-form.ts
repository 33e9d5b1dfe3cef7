import { zodResolver } from "@hookform/resolvers/zod";
import { useSubmit } from "@remix-run/react";
import { useEffect, useRef, type FormEvent } from "react";
import { useForm, type FieldErrors as RhfErrors, type FieldValues, type Resolver } from "react-hook-form";
import type * as z from "zod/mini";
import type { FieldErrors } from "./form-errors";

function flatten(errors: RhfErrors, prefix = ""): FieldErrors {
  const out: FieldErrors = {};
  for (const [key, value] of Object.entries(errors)) {
    if (!value || typeof value !== "object") continue;
    const path = prefix ? `${prefix}.${key}` : key;
    if ("message" in value && typeof value.message === "string") out[path] = value.message;
    else Object.assign(out, flatten(value as RhfErrors, path));
  }
  return out;
}

/**
 * react-hook-form with the form's zod schema, as an enhancement: without JavaScript the form
 * posts as usual and the server's parse of the same schema decides. With JavaScript the same
 * messages appear before the round trip, then the real form is submitted to the action.
 *
 * A form whose buttons have different rules (save a draft, or submit) passes a function instead
 * of a schema: it is given the button that was pressed (null when there is none) and returns the
 * schema the action will parse for that button, so a draft is never held back by rules only a
 * submission must meet.
 */
export function useGovukForm<S extends z.core.$ZodType<FieldValues, FieldValues>>(
  schema: S | ((submitter: HTMLButtonElement | null) => S),
  options: {
    serverErrors?: FieldErrors;
    defaultValues?: Partial<z.input<S>>;
    /** Fields to empty whenever the server answers with errors (passwords are never kept). */
    clearOnServerError?: string[];
  } = {},
) {
  const submit = useSubmit();
  // The button of the submission being checked, for a schema that depends on it.
  const submitterRef = useRef<HTMLButtonElement | null>(null);
  const schemaFor = (submitter: HTMLButtonElement | null): S =>
    typeof schema === "function" ? (schema as (s: HTMLButtonElement | null) => S)(submitter) : schema;
  // The resolver's generic types lag zod 4's; the schema is the same one the server parses.
  const resolver: Resolver<z.input<S>> = (values, context, resolverOptions) =>
    (zodResolver(schemaFor(submitterRef.current) as never) as unknown as Resolver<z.input<S>>)(values, context, resolverOptions);
  const form = useForm<z.input<S>>({
    resolver,
    defaultValues: options.defaultValues as never,
    mode: "onSubmit",
    reValidateMode: "onSubmit",
    shouldFocusError: false,
  });
  const { serverErrors, clearOnServerError } = options;
  const { setValue } = form;
  useEffect(() => {
    if (!serverErrors) return;
    for (const name of clearOnServerError ?? []) setValue(name as never, "" as never);
  }, [serverErrors, clearOnServerError, setValue]);

  const clientErrors = flatten(form.formState.errors);
  const errors = Object.keys(clientErrors).length > 0 ? clientErrors : (serverErrors ?? {});

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const formElement = event.currentTarget;
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    submitterRef.current = submitter;
    void form.handleSubmit(() => {
      submit(submitter ?? formElement);
    })(event);
  };

  return { register: form.register, errors, onSubmit };
}
