-- CreateTable
CREATE TABLE "ReleaseDraft" (
    "roundId" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReleaseDraft_pkey" PRIMARY KEY ("roundId")
);

-- CreateTable
CREATE TABLE "ReleaseChoice" (
    "bidId" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "onReserve" BOOLEAN NOT NULL DEFAULT false,
    "feedback" TEXT,
    "savedById" TEXT NOT NULL,
    "savedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReleaseChoice_pkey" PRIMARY KEY ("bidId")
);

-- CreateIndex
CREATE INDEX "ReleaseChoice_roundId_onReserve_idx" ON "ReleaseChoice"("roundId", "onReserve");

-- AddForeignKey
ALTER TABLE "ReleaseDraft" ADD CONSTRAINT "ReleaseDraft_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReleaseChoice" ADD CONSTRAINT "ReleaseChoice_bidId_fkey" FOREIGN KEY ("bidId") REFERENCES "Bid"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReleaseChoice" ADD CONSTRAINT "ReleaseChoice_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReleaseChoice" ADD CONSTRAINT "ReleaseChoice_savedById_fkey" FOREIGN KEY ("savedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

