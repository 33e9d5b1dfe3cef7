import { createContext, useContext } from "react";

/** The request's Content-Security-Policy nonce, provided by entry.server. */
export const NonceContext = createContext<string>("");
export const useNonce = () => useContext(NonceContext);
