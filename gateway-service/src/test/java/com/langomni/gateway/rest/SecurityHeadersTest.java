package com.langomni.gateway.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.langomni.gateway.config.GatewayConfig;

class SecurityHeadersTest {

    @Test
    void theConfiguredApiAndSocketOriginsMayBeConnectedTo() {
        String csp = SecurityHeaders.contentSecurityPolicy(ui(" https://api.example.org/v1/ ", "wss://play.example.org:8443/ws"));

        assertTrue(csp.contains("; connect-src 'self' https://api.example.org wss://play.example.org:8443; "), csp);
    }

    @Test
    void aMalformedOriginIsLeftOutAndCannotAddDirectives() {
        String csp = SecurityHeaders.contentSecurityPolicy(ui("wss://x.example.org/\"; script-src *", "javascript:alert(1)"));

        assertTrue(csp.contains("; connect-src 'self'; "), csp);
        assertFalse(csp.contains("script-src *"), csp);
        assertEquals(Optional.empty(), SecurityHeaders.origin("ftp://files.example.org"));
    }

    @Test
    void framingSniffingAndReferrersAreOff() {
        var headers = SecurityHeaders.headers(ui(null, null));

        assertEquals("DENY", headers.get("X-Frame-Options"));
        assertTrue(headers.get("Content-Security-Policy").endsWith("frame-ancestors 'none'"));
        assertEquals("nosniff", headers.get("X-Content-Type-Options"));
        assertEquals("no-referrer", headers.get("Referrer-Policy"));
    }

    @Test
    void nginxSendsTheSameHeadersInsteadOfTheGatewaysCopies() throws IOException {
        // deploy/nginx/langomni.conf (docker-compose's front door) hides the gateway's headers and adds its own
        String conf = Files.readString(Path.of("../deploy/nginx/langomni.conf"));
        Map<String, String> nginx = new HashMap<>();
        Matcher added = Pattern.compile("(?m)^\\s*add_header\\s+(\\S+)\\s+(\"[^\"]*\"|\\S+)\\s+always;").matcher(conf);
        while (added.find()) {
            nginx.put(added.group(1), added.group(2).replaceAll("^\"|\"$", ""));
        }
        SecurityHeaders.headers(ui(null, null)).forEach((name, value) -> {
            assertEquals(value, nginx.get(name), name);
            assertTrue(conf.contains("proxy_hide_header " + name + ";"), "nginx does not hide the gateway's " + name);
        });
    }

    private static GatewayConfig.Ui ui(String api, String ws) {
        return new GatewayConfig.Ui() {
            @Override
            public Optional<String> apiBase() {
                return Optional.ofNullable(api);
            }

            @Override
            public Optional<String> wsBase() {
                return Optional.ofNullable(ws);
            }
        };
    }
}
