// The frame every email shares: the fund's name in a blue bar, one heading, plain-language body,
// and a footer saying who sent it and that replies are not read. GOV.UK-like: Arial, black text
// on white, underlined blue links, generous size. Styles are inline because mail clients drop
// stylesheets.
import { Body, Container, Head, Heading, Hr, Html, Link, Preview, Section, Text } from "@react-email/components";
import { Fragment, type ReactNode } from "react";

export const DEFAULT_FUND_NAME = "Community Safety Fund";

const font = "Arial, Helvetica, sans-serif";
const colours = { text: "#0b0c0c", secondary: "#484949", brand: "#1d70b8", border: "#b1b4b6", inset: "#f3f2f1" };

const styles = {
  body: { backgroundColor: "#ffffff", color: colours.text, fontFamily: font, margin: 0, padding: 0 },
  container: { maxWidth: "580px", margin: "0 auto", padding: "0 16px" },
  banner: { backgroundColor: colours.brand, padding: "16px" },
  fundName: { color: "#ffffff", fontFamily: font, fontSize: "22px", fontWeight: 700, lineHeight: "28px", margin: 0 },
  heading: { color: colours.text, fontFamily: font, fontSize: "28px", fontWeight: 700, lineHeight: "34px", margin: "24px 0 16px" },
  paragraph: { color: colours.text, fontFamily: font, fontSize: "19px", lineHeight: "28px", margin: "0 0 16px" },
  link: { color: colours.brand, textDecoration: "underline" },
  inset: { borderLeft: `8px solid ${colours.border}`, backgroundColor: colours.inset, padding: "12px 16px", margin: "0 0 16px" },
  insetText: { color: colours.text, fontFamily: font, fontSize: "19px", lineHeight: "28px", margin: 0 },
  hr: { borderColor: colours.border, margin: "24px 0 16px" },
  footer: { color: colours.secondary, fontFamily: font, fontSize: "16px", lineHeight: "24px", margin: "0 0 16px" },
};

export function EmailLayout({
  fundName = DEFAULT_FUND_NAME,
  preview,
  heading,
  children,
}: {
  fundName?: string;
  preview: string;
  heading: string;
  children: ReactNode;
}) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Section style={styles.banner}>
            <Text style={styles.fundName}>{fundName}</Text>
          </Section>
          <Heading as="h1" style={styles.heading}>
            {heading}
          </Heading>
          {children}
          <Hr style={styles.hr} />
          <Text style={styles.footer}>
            This email was sent by the {fundName} portal, run by the Office of the Police and Crime Commissioner. Replies to this address are not read.
          </Text>
        </Container>
      </Body>
    </Html>
  );
}

export function Paragraph({ children }: { children: ReactNode }) {
  return <Text style={styles.paragraph}>{children}</Text>;
}

/** Text someone wrote (feedback, a note, a comment): one paragraph per blank-line-separated block. */
export function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text.split(/\n{2,}/).map((paragraph, index) => (
        <Paragraph key={index}>{paragraph}</Paragraph>
      ))}
    </>
  );
}

/** A GOV.UK-style inset: key facts the reader may want to find again (reference, amount). */
export function Inset({ lines }: { lines: string[] }) {
  return (
    <Section style={styles.inset}>
      <Text style={styles.insetText}>
        {lines.map((line, index) => (
          <Fragment key={index}>
            {index > 0 ? <br /> : null}
            {line}
          </Fragment>
        ))}
      </Text>
    </Section>
  );
}

/** A link whose address is also written out, so it survives in the plain-text version. */
export function LinkParagraph({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Text style={styles.paragraph}>
      <Link href={href} style={styles.link}>
        {children}
      </Link>
    </Text>
  );
}

/** A short list (conditions, next steps) as numbered or bulleted paragraphs, readable as text too. */
export function List({ items, numbered = false }: { items: string[]; numbered?: boolean }) {
  return (
    <Section>
      {items.map((item, index) => (
        <Text key={index} style={styles.paragraph}>
          {numbered ? `${index + 1}. ` : "• "}
          {item}
        </Text>
      ))}
    </Section>
  );
}
