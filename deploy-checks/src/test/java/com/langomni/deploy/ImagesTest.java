package com.langomni.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ImagesTest {

    @Test
    void aTagOrDigestPinsAnImage() {
        assertTrue(Images.isPinned("postgres:15.10-alpine"));
        assertTrue(Images.isPinned("registry.example.com:5000/langomni/gateway-service:0.1.0"));
        assertTrue(Images.isPinned("vllm/vllm-openai@sha256:0123abcd"));
    }

    @Test
    void latestNoTagOrARegistryPortAloneDoNot() {
        assertFalse(Images.isPinned("rocm/vllm:latest"));
        assertFalse(Images.isPinned("vllm-server"));
        assertFalse(Images.isPinned("registry.example.com:5000/langomni/gateway-service"));
    }

    @Test
    void theRepositoryDropsTagAndDigest() {
        assertEquals("rocm/vllm", Images.repository("rocm/vllm:rocm6.3.1_vllm_0.8.5_20250521"));
        assertEquals("registry:5000/x", Images.repository("registry:5000/x:1@sha256:ab"));
        assertEquals("registry:5000/x", Images.repository("registry:5000/x"));
    }
}
