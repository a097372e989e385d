# LangOmni Adventure — the two commands: `make run` and `make test`.
.PHONY: run test build clean infra-stop

LLM ?= rules

## Set up, build and run the whole platform in the foreground (Ctrl-C stops it).
run:
	@LLM=$(LLM) scripts/run.sh

## Every test in the repo, with its own PostgreSQL and Redis.
test:
	@scripts/test.sh

## Build all services without running tests.
build:
	./mvnw -B -ntp -DskipTests package

clean:
	./mvnw -B -q -ntp clean

## Stop project-local PostgreSQL/Redis left running by an interrupted run.
infra-stop:
	scripts/infra.sh stop run; scripts/infra.sh stop test
