// A real S3-speaking server for tests (s3rver on 127.0.0.1, an ephemeral port, files in a fresh
// temporary folder), and the settings that point the portal's S3 driver at it.
import { CreateBucketCommand, S3Client } from "@aws-sdk/client-s3";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import S3rver from "s3rver";

/** s3rver accepts these fixed credentials and checks request signatures against them. */
export const S3_TEST_CREDENTIALS = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };
export const S3_TEST_REGION = "eu-west-2";

export type TestS3Server = {
  /** http://127.0.0.1:<port> */
  endpoint: string;
  createBucket(name: string): Promise<void>;
  /** Environment variables for a portal process that keeps its documents in `bucket` here. */
  portalEnv(bucket: string): Record<string, string>;
  stop(): Promise<void>;
};

export async function startS3Server(): Promise<TestS3Server> {
  const directory = mkdtempSync(join(tmpdir(), "csf-s3-"));
  const server = new S3rver({ port: 0, address: "127.0.0.1", silent: true, directory });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new S3Client({ region: S3_TEST_REGION, endpoint, forcePathStyle: true, credentials: S3_TEST_CREDENTIALS });
  return {
    endpoint,
    async createBucket(name) {
      await client.send(new CreateBucketCommand({ Bucket: name }));
    },
    portalEnv: (bucket) => ({
      DOCUMENT_STORAGE: "s3",
      S3_BUCKET: bucket,
      S3_REGION: S3_TEST_REGION,
      S3_ENDPOINT: endpoint,
      S3_FORCE_PATH_STYLE: "true",
      AWS_ACCESS_KEY_ID: S3_TEST_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: S3_TEST_CREDENTIALS.secretAccessKey,
    }),
    async stop() {
      client.destroy();
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
