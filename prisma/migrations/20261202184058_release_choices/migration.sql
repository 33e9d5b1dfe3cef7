-- CreateTable
CREATE TABLE "ReleaseDraft" (
    "roundId" TEXT NOT NULL PRIMARY KEY,
    "version" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ReleaseDraft_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReleaseChoice" (
    "bidId" TEXT NOT NULL PRIMARY KEY,
    "roundId" TEXT NOT NULL,
    "onReserve" BOOLEAN NOT NULL DEFAULT false,
    "feedback" TEXT,
    "savedById" TEXT NOT NULL,
    "savedAt" DATETIME NOT NULL,
    CONSTRAINT "ReleaseChoice_bidId_fkey" FOREIGN KEY ("bidId") REFERENCES "Bid" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ReleaseChoice_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ReleaseChoice_savedById_fkey" FOREIGN KEY ("savedById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "ReleaseChoice_roundId_onReserve_idx" ON "ReleaseChoice"("roundId", "onReserve");

