package com.langomni.deploy;

import java.nio.file.Path;
import java.util.Set;

/** Our five services: the Maven module, the Kubernetes name, and what a Kubernetes deployment must set for each. */
enum LangomniService {

    GATEWAY("gateway-service", "gateway", Set.of()),
    ORCHESTRATOR("orchestrator-service", "orchestrator",
            Set.of("DB_PORT", "DB_NAME", "DB_USER", "DB_PASSWORD", "LANGOMNI_AUTH_SECRET")),
    WORLD_LLM("world-llm-service", "world-llm", Set.of("WORLD_LLM_URL", "WORLD_LLM_MODEL")),
    NPC_LLM("npc-llm-service", "npc-llm", Set.of("NPC_LLM_URLS", "NPC_LLM_MODEL")),
    // the embedded store cannot scale out: Kubernetes runs memory-service on Qdrant
    MEMORY("memory-service", "memory", Set.of("LANGOMNI_MEMORY_STORE", "QDRANT_URL", "NPC_LLM_SERVICE_URL"));

    private final String module;
    private final String k8sName;
    private final Set<String> kubernetesSettings;

    LangomniService(String module, String k8sName, Set<String> kubernetesSettings) {
        this.module = module;
        this.k8sName = k8sName;
        this.kubernetesSettings = kubernetesSettings;
    }

    String module() {
        return module;
    }

    /** The Deployment, Service and app.kubernetes.io/name of the service. */
    String k8sName() {
        return k8sName;
    }

    /** The image repository, without tag. */
    String image() {
        return "langomni/" + module;
    }

    /**
     * Variables a Kubernetes deployment must set beyond the ones whose default is this machine
     * ({@link ServiceConfig#localDefaults()}): secrets, the model servers, and Qdrant.
     */
    Set<String> kubernetesSettings() {
        return kubernetesSettings;
    }

    ServiceConfig config() {
        return ServiceConfig.read(Path.of(module, "src/main/resources/application.properties"));
    }
}
