import js from "@eslint/js";
import globals from "globals";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["build/**", "node_modules/**", "data/**", "tmp/**", "test-results/**", "playwright-report/**", ".cache/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-syntax": [
        "error",
        { selector: "CallExpression[callee.name='parseFloat']", message: "Money is parsed to integer pence without floats (app/lib/money.ts)." },
        { selector: "MemberExpression[property.name=/^\\$(queryRaw|executeRaw)Unsafe$/]", message: "Use tagged $queryRaw / $executeRaw with parameters." },
      ],
    },
  },
  // Layers (ADR 0012): app/domain knows nothing of HTTP, Remix, React or pages; app/lib sits below
  // everything. The HTTP edge (app/web) and the routes may use all three.
  {
    files: ["app/domain/**/*.{ts,tsx}"],
    rules: {
      // Forms are read at the edge (parseForm/readForm in app/web); the domain gets plain values.
      "no-restricted-globals": ["error", { name: "FormData", message: "Read the form at the edge (app/web/parse-form.server.ts) (ADR 0012)." }],
      "@typescript-eslint/no-restricted-types": ["error", { types: { FormData: "Read the form at the edge (app/web/parse-form.server.ts) (ADR 0012)." } }],
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@remix-run/*"],
              message: "The domain knows nothing of HTTP or Remix: return a Result (app/lib/refusal.ts) and let app/web answer (ADR 0012).",
            },
            { group: ["react", "react-dom", "react-dom/*", "react-hook-form", "@hookform/*"], message: "The domain knows nothing of React (ADR 0012)." },
            {
              group: ["~/web", "~/web/*", "~/routes", "~/routes/*", "~/components", "~/components/*", "~/root", "**/web/*", "**/routes/*", "**/components/*"],
              message: "The domain may not import the HTTP edge, routes or components (ADR 0012).",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["app/lib/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [
                "~/domain",
                "~/domain/*",
                "~/web",
                "~/web/*",
                "~/routes",
                "~/routes/*",
                "~/components",
                "~/components/*",
                "**/domain/*",
                "**/web/*",
                "**/routes/*",
                "**/components/*",
              ],
              message: "app/lib sits below everything: it may not import the domain, the HTTP edge, routes or components (ADR 0012).",
            },
          ],
        },
      ],
    },
  },
);
