import { zodResolver } from "@hookform/resolvers/zod";
import { useSubmit } from "@remix-run/react";
import { useEffect, type FormEvent } from "react";
import { useForm, type FieldErrors as RhfErrors, type FieldValues } from "react-hook-form";
import type { z } from "zod";
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
 */
export function useGovukForm<S extends z.ZodType<FieldValues, FieldValues>>(
  schema: S,
  options: {
    serverErrors?: FieldErrors;
    defaultValues?: Partial<z.input<S>>;
    /** Fields to empty whenever the server answers with errors (passwords are never kept). */
    clearOnServerError?: string[];
  } = {},
) {
  const submit = useSubmit();
  const form = useForm<z.input<S>>({
    // The resolver's generic types lag zod 4's; the schema is the same one the server parses.
    resolver: zodResolver(schema as never) as never,
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
    void form.handleSubmit(() => {
      submit(submitter ?? formElement);
    })(event);
  };

  return { register: form.register, errors, onSubmit };
}
