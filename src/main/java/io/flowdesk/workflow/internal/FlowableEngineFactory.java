package io.flowdesk.workflow.internal;

import io.flowdesk.workflow.ServiceTaskCatalogue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import javax.sql.DataSource;
import org.flowable.common.engine.impl.history.HistoryLevel;
import org.flowable.common.engine.impl.persistence.StrongUuidGenerator;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.impl.cfg.StandaloneProcessEngineConfiguration;

/** Builds Flowable on FlowDesk's PostgreSQL with the sandboxed expression manager and the outbox listener. */
public final class FlowableEngineFactory {

    private FlowableEngineFactory() {
    }

    public static ProcessEngine build(DataSource dataSource, boolean asyncExecutor, String historyLevel) {
        StandaloneProcessEngineConfiguration config = new StandaloneProcessEngineConfiguration();
        config.setDataSource(dataSource);
        config.setDatabaseType("postgres");
        config.setDatabaseSchemaUpdate("true");
        config.setDisableIdmEngine(true);
        config.setDisableEventRegistry(true);
        // FlowDesk's own timeline records who changed what; Flowable keeps process, step and task history
        config.setHistoryLevel(HistoryLevel.getHistoryLevelForKey(historyLevel == null ? "activity" : historyLevel));
        // ids must be unique across nodes without a shared block allocator
        config.setIdGenerator(new StrongUuidGenerator());
        HashMap<Object, Object> catalogue = new HashMap<>(ServiceTaskCatalogue.delegates());
        config.setBeans(catalogue);
        config.setExpressionManager(new SandboxExpressionManager(catalogue));
        config.setFlowableFunctionDelegates(new ArrayList<>());
        config.setEventListeners(new ArrayList<>(List.of(new OutboxListener())));
        config.setAsyncExecutorActivate(asyncExecutor);
        // a killed node releases its jobs after minutes, not the engine's default hour
        config.setAsyncExecutorAsyncJobLockTimeInMillis(5 * 60 * 1000);
        config.setAsyncExecutorTimerLockTimeInMillis(5 * 60 * 1000);
        config.setAsyncExecutorDefaultTimerJobAcquireWaitTime(2_000);
        // SLA clocks fall due together (09:00 on Monday): take timers and async jobs in batches, not one by one
        config.setAsyncExecutorMaxTimerJobsPerAcquisition(256);
        config.setAsyncExecutorMaxAsyncJobsDuePerAcquisition(256);
        config.setAsyncExecutorCorePoolSize(16);
        config.setAsyncExecutorMaxPoolSize(16);
        config.setAsyncExecutorThreadPoolQueueSize(2048);
        config.setAsyncExecutorDefaultAsyncJobAcquireWaitTime(2_000);
        config.setEnableProcessDefinitionInfoCache(false);
        return config.buildProcessEngine();
    }
}
