-- CreateTable
CREATE TABLE "InvitationChoice" (
    "eoiId" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "savedById" TEXT NOT NULL,
    "savedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "InvitationChoice_pkey" PRIMARY KEY ("eoiId")
);

-- CreateIndex
CREATE INDEX "InvitationChoice_roundId_idx" ON "InvitationChoice"("roundId");

-- AddForeignKey
ALTER TABLE "InvitationChoice" ADD CONSTRAINT "InvitationChoice_eoiId_fkey" FOREIGN KEY ("eoiId") REFERENCES "ExpressionOfInterest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InvitationChoice" ADD CONSTRAINT "InvitationChoice_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InvitationChoice" ADD CONSTRAINT "InvitationChoice_savedById_fkey" FOREIGN KEY ("savedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

