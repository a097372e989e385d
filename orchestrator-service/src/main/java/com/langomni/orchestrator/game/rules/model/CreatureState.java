package com.langomni.orchestrator.game.rules.model;

/**
 * One creature's state in a location.
 *
 * @param respawnAt epoch millis when a dead creature is back at full HP; 0 while alive
 */
public record CreatureState(String creatureId, int hp, long respawnAt) {

    public boolean aliveAt(long nowMillis) {
        return hp > 0 || (respawnAt > 0 && nowMillis >= respawnAt);
    }

    /** Its HP at {@code nowMillis}: a dead creature whose respawn time has come is back at {@code maxHp}. */
    public int hpAt(long nowMillis, int maxHp) {
        if (hp > 0) {
            return hp;
        }
        return aliveAt(nowMillis) ? maxHp : 0;
    }
}
