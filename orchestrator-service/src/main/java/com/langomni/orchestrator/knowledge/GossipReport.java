package com.langomni.orchestrator.knowledge;

/**
 * What one gossip round did.
 *
 * @param ran     false when another replica held the round's lease (nothing was done here)
 * @param told    tellings stored (or already stored: a repeat of the same telling)
 * @param failed  tellings memory-service did not take (they are planned again next round)
 * @param unread  NPCs whose memories could not be read: they neither told nor heard anything
 */
public record GossipReport(boolean ran, int told, int failed, int unread) {

    static GossipReport skipped() {
        return new GossipReport(false, 0, 0, 0);
    }
}
