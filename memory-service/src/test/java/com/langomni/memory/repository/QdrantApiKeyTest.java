package com.langomni.memory.repository;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.HandlerRegistry;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerMethodDefinition;
import io.grpc.Status;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Qdrant store sends {@code langomni.memory.qdrant.api-key} (env QDRANT_API_KEY) on its calls, as Qdrant's
 * {@code api-key} header: a gRPC server stands in for Qdrant (a boundary we do not own; the contract test runs
 * against a real one when QDRANT_URL is set), records the header of each call and refuses it.
 */
class QdrantApiKeyTest {

    private static final Metadata.Key<String> API_KEY = Metadata.Key.of("api-key", Metadata.ASCII_STRING_MARSHALLER);

    /** The api-key header of each call the fake got ("null" when there was none). */
    private final List<String> keys = new CopyOnWriteArrayList<>();
    private Server server;

    @BeforeEach
    void start() throws IOException {
        server = ServerBuilder.forPort(0).fallbackHandlerRegistry(new HandlerRegistry() {
            @Override
            public ServerMethodDefinition<?, ?> lookupMethod(String method, String authority) {
                MethodDescriptor<InputStream, InputStream> descriptor = MethodDescriptor.<InputStream, InputStream>newBuilder()
                        .setType(MethodDescriptor.MethodType.UNARY).setFullMethodName(method)
                        .setRequestMarshaller(RAW).setResponseMarshaller(RAW).build();
                ServerCallHandler<InputStream, InputStream> refuse = (call, headers) -> {
                    keys.add(String.valueOf(headers.get(API_KEY)));
                    call.close(Status.UNAUTHENTICATED, new Metadata());
                    return new ServerCall.Listener<>() {
                    };
                };
                return ServerMethodDefinition.create(descriptor, refuse);
            }
        }).build().start();
    }

    @AfterEach
    void stop() {
        server.shutdownNow();
    }

    @Test
    void theConfiguredKeyGoesWithEveryCall() {
        assertThrows(StoreUnavailableException.class, () -> QdrantMemoryStore.connect(url(), "the-qdrant-key", "memories", 4,
                Duration.ofSeconds(5)));
        assertFalse(keys.isEmpty());
        assertTrue(keys.stream().allMatch("the-qdrant-key"::equals), keys::toString);
    }

    @Test
    void noKeyConfiguredSendsNone() {
        assertThrows(StoreUnavailableException.class, () -> QdrantMemoryStore.connect(url(), "", "memories", 4,
                Duration.ofSeconds(5)));
        assertFalse(keys.isEmpty());
        assertTrue(keys.stream().allMatch("null"::equals), keys::toString);
    }

    private String url() {
        return "http://127.0.0.1:" + server.getPort();
    }

    private static final MethodDescriptor.Marshaller<InputStream> RAW = new MethodDescriptor.Marshaller<>() {
        @Override
        public InputStream stream(InputStream value) {
            return value;
        }

        @Override
        public InputStream parse(InputStream stream) {
            try {
                return new ByteArrayInputStream(stream.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    };
}
