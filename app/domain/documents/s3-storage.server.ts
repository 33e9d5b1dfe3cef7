// Documents in an S3-compatible bucket (ADR 0013), for several web instances sharing one store.
// Objects are private (no ACL is ever granted, no URL is ever handed out): every download is
// read here and streamed through the portal after its access checks. Credentials come from the
// AWS SDK's usual sources (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, a profile, an instance role).
import { DeleteObjectCommand, GetObjectCommand, HeadBucketCommand, PutObjectCommand, S3Client, type ServerSideEncryption } from "@aws-sdk/client-s3";
import { isStoredName, newStoredName, type DocumentStorage } from "./storage-interface";

export type S3StorageOptions = {
  bucket: string;
  region: string;
  /** For S3-compatible services other than AWS (MinIO, Ceph, a test server). */
  endpoint?: string;
  /** bucket in the path (https://host/bucket/key) rather than the host name; most non-AWS services need it. */
  forcePathStyle?: boolean;
  /** Put before every key, so that one bucket can hold other things too. */
  keyPrefix?: string;
  /** Sent with every upload as x-amz-server-side-encryption. */
  serverSideEncryption?: ServerSideEncryption | `${ServerSideEncryption}`;
  kmsKeyId?: string;
  /** Only for tests; otherwise the SDK's default credential chain. */
  credentials?: { accessKeyId: string; secretAccessKey: string };
};

function statusOf(error: unknown): number | undefined {
  return (error as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode;
}

function isMissing(error: unknown) {
  const name = (error as { name?: string })?.name;
  return name === "NoSuchKey" || name === "NotFound" || statusOf(error) === 404;
}

export function s3Storage(options: S3StorageOptions): DocumentStorage & { client: S3Client } {
  const client = new S3Client({
    region: options.region,
    endpoint: options.endpoint,
    forcePathStyle: options.forcePathStyle ?? false,
    credentials: options.credentials,
  });
  const prefix = options.keyPrefix ?? "";
  const keyOf = (name: string) => `${prefix}${name}`;
  const Bucket = options.bucket;

  return {
    kind: "s3",
    client,
    async put(bytes, { mediaType = "application/octet-stream" } = {}) {
      const name = newStoredName();
      // One PUT of the whole body: S3 keeps an object only when all of it arrived, so a failed
      // upload leaves nothing behind.
      await client.send(
        new PutObjectCommand({
          Bucket,
          Key: keyOf(name),
          Body: bytes,
          ContentLength: bytes.byteLength,
          ContentType: mediaType,
          ServerSideEncryption: options.serverSideEncryption as ServerSideEncryption | undefined,
          SSEKMSKeyId: options.kmsKeyId,
        }),
      );
      return name;
    },
    async open(name) {
      if (!isStoredName(name)) return null;
      try {
        const object = await client.send(new GetObjectCommand({ Bucket, Key: keyOf(name) }));
        if (!object.Body) return null;
        return { sizeBytes: object.ContentLength ?? 0, body: object.Body.transformToWebStream() as ReadableStream<Uint8Array> };
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },
    async delete(name) {
      if (!isStoredName(name)) return;
      // S3 answers a delete of a missing key with success too.
      await client.send(new DeleteObjectCommand({ Bucket, Key: keyOf(name) }));
    },
    async check() {
      await client.send(new HeadBucketCommand({ Bucket }));
    },
  };
}
