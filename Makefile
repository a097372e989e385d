# LangOmni Adventure — the two commands: `make run` and `make test`.
.PHONY: run test drills build clean infra-stop bench-npc-routing bench-memory bench-load

LLM ?= rules

## Set up, build and run the whole platform in the foreground (Ctrl-C stops it). LLM=sim: vLLM simulators.
run:
	@LLM=$(LLM) scripts/run.sh

## Every test in the repo, with its own PostgreSQL and Redis.
test:
	@scripts/test.sh

## The fault drills alone (they also run in `make test`): the packaged orchestrator and two gateways against a
## PostgreSQL cluster and a redis-server of their own that they crash and restart (PostgreSQL and Redis must be
## installed: `make test` or scripts/infra.sh installs them). Counts: e2e-tests/target/drills/<drill>.md.
drills:
	./mvnw -B -ntp -pl e2e-tests -am verify -Dtest=None -Dsurefire.failIfNoSpecifiedTests=false \
	  -Dit.test=FaultDrillsIT -Dfailsafe.failIfNoSpecifiedTests=false

## Build all services without running tests.
build:
	./mvnw -B -ntp -DskipTests package

## Benchmark (not a test): NPC routing, round robin vs affinity + load, on four simulators (~5 min).
## Results: npc-llm-service/target/bench/routing.md (method and numbers in docs/PERFORMANCE.md).
bench-npc-routing:
	./mvnw -B -ntp -q -pl npc-llm-service -am install -DskipTests
	./mvnw -B -ntp -o -pl npc-llm-service verify -Pbench

## Benchmark (not a test): memory-service's embedded store at 10k and 100k memories (~4 min).
## Results: memory-service/target/bench/memory.md (method and numbers in docs/PERFORMANCE.md).
bench-memory:
	./mvnw -B -ntp -q -pl memory-service -am install -DskipTests
	./mvnw -B -ntp -o -pl memory-service verify -Pbench

## Load harness (not a test): one Gatling simulation against a running `make run` (start it first, in another
## terminal; LLM=rules|sim is chosen there). SIM=PlayMix|FlashCrowd|OverloadStep|IdleSockets|Broadcast; knobs
## PLAYERS, RAMP (s), THINK_MS, DURATION (s), BASE_URL (localhost only), PREFIX (account names), EXTRA (more
## -D options, e.g. EXTRA=-Dcapacity=200). Report: load-tests/target/gatling/<simulation>-<time>/index.html
## (method in load-tests/README.md and docs/PERFORMANCE.md).
SIM ?= PlayMix
bench-load:
	./mvnw -B -ntp -pl load-tests process-classes gatling:test \
	  -Dgatling.simulationClass=com.langomni.load.$(SIM)Simulation \
	  $(if $(BASE_URL),-DbaseUrl=$(BASE_URL)) $(if $(PLAYERS),-Dplayers=$(PLAYERS)) \
	  $(if $(RAMP),-DrampSeconds=$(RAMP)) $(if $(THINK_MS),-DthinkMs=$(THINK_MS)) \
	  $(if $(DURATION),-DdurationSeconds=$(DURATION)) $(if $(PREFIX),-Dprefix=$(PREFIX)) $(EXTRA)

clean:
	./mvnw -B -q -ntp clean

## Stop project-local PostgreSQL/Redis left running by an interrupted run.
infra-stop:
	scripts/infra.sh stop run; scripts/infra.sh stop test
