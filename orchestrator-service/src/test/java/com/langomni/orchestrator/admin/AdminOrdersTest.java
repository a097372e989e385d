package com.langomni.orchestrator.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import com.langomni.orchestrator.game.rules.TestWorlds;
import com.langomni.orchestrator.game.rules.model.PlayerState;
import com.langomni.orchestrator.game.rules.model.World;

class AdminOrdersTest {

    private final World world = TestWorlds.small();
    private final PlayerState player = new PlayerState("p1", "Ada", world.startLocationId(), 3, 20, List.of("x"));

    @Test
    void aTeleportChangesOnlyTheLocation() {
        // the vault lies behind a locked door: an admin's move needs no exit
        assertEquals(new PlayerState("p1", "Ada", "vault", 3, 20, List.of("x")),
                AdminOrders.teleport(world, player, "vault"));
    }

    @Test
    void aTeleportToAPlaceTheWorldLacksIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> AdminOrders.teleport(world, player, "atlantis"));
        assertThrows(IllegalArgumentException.class, () -> AdminOrders.teleport(world, player, null));
    }

    @Test
    void hpIsRestoredToThePlayersOwnMaximum() {
        assertEquals(new PlayerState("p1", "Ada", world.startLocationId(), 20, 20, List.of("x")),
                AdminOrders.restoreHp(player));
    }
}
