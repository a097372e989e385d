package com.langomni.orchestrator.auth;

import com.langomni.orchestrator.game.Admission;
import com.langomni.support.error.ApiException;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.WorkerExecutor;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * bcrypt on a small pool of its own ({@code langomni.auth.hashing-threads}): hashing takes tens of milliseconds of
 * CPU by design, so a login flood must neither stall an event loop nor take the worker threads every other
 * blocking task needs. Results come back on the caller's Vert.x context, so Hibernate Reactive can carry on there.
 * At most {@code langomni.game.admission.max-password-checks} run or wait at once; past that a login or registration
 * is refused at once with 429 {@code rate_limited} (Retry-After 1) rather than queued behind seconds of hashing.
 */
@ApplicationScoped
public class PasswordHasher {

    private final WorkerExecutor pool;
    private final Admission admission;
    private final int cost;
    /** Compared against when the name is unknown, so a login takes as long either way. */
    private volatile String decoy;

    PasswordHasher(Vertx vertx, Admission admission, AuthConfig config) {
        this.pool = vertx.createSharedWorkerExecutor("langomni-bcrypt", Math.max(1, config.hashingThreads()));
        this.admission = admission;
        this.cost = config.bcryptCost();
    }

    @PreDestroy
    void close() {
        pool.closeAndForget();
    }

    public Uni<String> hash(String password) {
        return run(() -> BcryptUtil.bcryptHash(password, cost));
    }

    public Uni<Boolean> matches(String password, String hash) {
        return run(() -> BcryptUtil.matches(password, hash));
    }

    /** Spends the time of a real check and answers false. */
    public Uni<Boolean> mismatch(String password) {
        return run(() -> {
            if (decoy == null) {
                decoy = BcryptUtil.bcryptHash("decoy-password", cost);
            }
            BcryptUtil.matches(password, decoy);
            return false;
        });
    }

    /** Runs {@code work} on the bcrypt pool within its bound (package-private: tests fill the pool with it). */
    <T> Uni<T> run(Callable<T> work) {
        return admission.<T>passwordCheck(() -> pool.executeBlocking(work, false))
                .onFailure(ApiException::isOverloaded).transform(full -> ApiException.rateLimited(
                        "too many logins at the moment; try again shortly", Duration.ofSeconds(1)));
    }
}
