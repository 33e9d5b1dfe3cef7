// A real SMTP server for tests (smtp-server on 127.0.0.1, an ephemeral port): it keeps every
// message it accepts, parsed by mailparser, with the raw text and the SMTP envelope. It can
// refuse connections with 421 and be stopped and started again on the same port.
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export type ReceivedMail = { parsed: ParsedMail; raw: string; envelope: { from: string; to: string[] } };

export type TestMailServer = {
  /** smtp://127.0.0.1:<port>, for SMTP_URL or createOutboxSender({ smtpUrl }). */
  url: string;
  received: ReceivedMail[];
  /** Answer the next `count` connections with "421 … try again later" and close them. */
  refuseNextConnections(count: number): void;
  /** Refuse every connection until told otherwise. */
  refuseAll(refuse: boolean): void;
  /** Hold each accepted message this long before answering (widens races between senders). */
  slowDown(ms: number): void;
  stop(): Promise<void>;
  /** Listens again on the same port after stop(). */
  start(): Promise<void>;
};

export async function startMailServer(): Promise<TestMailServer> {
  const received: ReceivedMail[] = [];
  let refuseCount = 0;
  let refuseEvery = false;
  let delayMs = 0;
  let port = 0;
  let server: SMTPServer | undefined;

  const create = () =>
    new SMTPServer({
      logger: false,
      authOptional: true,
      disabledCommands: ["AUTH", "STARTTLS"],
      disableReverseLookup: true,
      onConnect(_session, callback) {
        if (refuseEvery || refuseCount > 0) {
          refuseCount = Math.max(0, refuseCount - 1);
          return callback(Object.assign(new Error("Service not available, try again later"), { responseCode: 421 }));
        }
        callback();
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on("data", (chunk: Buffer) => chunks.push(chunk));
        stream.on("end", () => {
          const raw = Buffer.concat(chunks).toString("utf8");
          simpleParser(raw).then(
            (parsed) => {
              const envelope = {
                from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
                to: session.envelope.rcptTo.map((r) => r.address),
              };
              setTimeout(() => {
                received.push({ parsed, raw, envelope });
                callback();
              }, delayMs);
            },
            (error: Error) => callback(error),
          );
        });
      },
    });

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server = create();
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => {
        const address = server!.server.address();
        if (address && typeof address === "object") port = address.port;
        resolve();
      });
    });

  await listen();
  return {
    get url() {
      return `smtp://127.0.0.1:${port}`;
    },
    received,
    refuseNextConnections(count) {
      refuseCount = count;
    },
    refuseAll(refuse) {
      refuseEvery = refuse;
    },
    slowDown(ms) {
      delayMs = ms;
    },
    stop: () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())),
    start: listen,
  };
}
