package io.flowdesk.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.flowable.common.engine.impl.history.HistoryLevel;
import org.flowable.common.engine.impl.persistence.StrongUuidGenerator;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.impl.cfg.StandaloneProcessEngineConfiguration;

/**
 * The baseline: plain Flowable in this JVM (no HTTP, no FlowDesk), on its own database of the same PostgreSQL,
 * with the same history level and id generator as FlowDesk, plus the same ticket row inserted beside it.
 */
final class RawFlowable implements AutoCloseable {

    final String database;
    final ProcessEngine engine;

    RawFlowable(String database, boolean asyncExecutor) throws Exception {
        this.database = database + io.flowdesk.testing.TestSlot.suffix(); // slots run benches side by side
        Db.recreate(this.database);
        StandaloneProcessEngineConfiguration config = new StandaloneProcessEngineConfiguration();
        config.setJdbcUrl(Db.url(this.database));
        config.setJdbcDriver("org.postgresql.Driver");
        config.setJdbcUsername("postgres");
        config.setJdbcPassword("");
        config.setJdbcMaxActiveConnections(40);
        config.setDatabaseSchemaUpdate("true");
        config.setDisableIdmEngine(true);
        config.setDisableEventRegistry(true);
        config.setHistoryLevel(HistoryLevel.ACTIVITY); // the same as FlowDesk's default
        config.setIdGenerator(new StrongUuidGenerator());
        config.setAsyncExecutorActivate(asyncExecutor);
        engine = config.buildProcessEngine();
        try (Connection c = connection(); Statement s = c.createStatement()) {
            s.execute("""
                    create table if not exists raw_ticket (id bigserial primary key, number varchar(32) not null unique,
                      title varchar(300) not null, priority varchar(2) not null, status varchar(32) not null,
                      customer_name varchar(200), customer_email varchar(254), data_json text not null,
                      created_at timestamptz not null default now())""");
        }
    }

    Connection connection() throws Exception {
        return DriverManager.getConnection(Db.url(database), "postgres", "");
    }

    void deploy(String name, String xml) {
        engine.getRepositoryService().createDeployment().name(name).addString(name + ".bpmn20.xml", xml).deploy();
    }

    /** The same ticket INSERT FlowDesk does, then startProcessInstanceByKey with the data as variables. */
    String createTicket(Connection c, String key, String number, Map<String, Object> variables) throws Exception {
        long id;
        try (PreparedStatement insert = c.prepareStatement("insert into raw_ticket (number, title, priority, status,"
                + " customer_name, customer_email, data_json) values (?, ?, 'P3', 'NEW', 'Bench', 'b@example.com', ?)"
                + " returning id")) {
            insert.setString(1, number);
            insert.setString(2, "Bench " + number);
            insert.setString(3, "{\"summary\":\"x\"}");
            try (ResultSet rs = insert.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
        }
        return engine.getRuntimeService().startProcessInstanceByKey(key, Long.toString(id), variables).getId();
    }

    @Override
    public void close() {
        engine.close();
    }
}
