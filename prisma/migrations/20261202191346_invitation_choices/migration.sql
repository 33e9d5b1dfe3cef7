-- CreateTable
CREATE TABLE "InvitationChoice" (
    "eoiId" TEXT NOT NULL PRIMARY KEY,
    "roundId" TEXT NOT NULL,
    "savedById" TEXT NOT NULL,
    "savedAt" DATETIME NOT NULL,
    CONSTRAINT "InvitationChoice_eoiId_fkey" FOREIGN KEY ("eoiId") REFERENCES "ExpressionOfInterest" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "InvitationChoice_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "InvitationChoice_savedById_fkey" FOREIGN KEY ("savedById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "InvitationChoice_roundId_idx" ON "InvitationChoice"("roundId");

