package io.flowdesk.app;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/** Creates FlowDesk's database on first start, through the server's maintenance database. */
final class DatabaseCreator {

    private static final Logger LOG = Logger.getLogger(DatabaseCreator.class);
    private static final Pattern URL = Pattern.compile("jdbc:postgresql://([^/]+)/([^?]+)(\\?.*)?");

    private DatabaseCreator() {
    }

    static void ensure(String jdbcUrl, String user, String password, boolean reset) {
        Matcher matcher = URL.matcher(jdbcUrl);
        if (!matcher.matches()) {
            LOG.warnf("Cannot parse %s; not checking whether the database exists", jdbcUrl);
            return;
        }
        String database = matcher.group(2);
        if (!database.matches("[A-Za-z0-9_]+")) {
            throw new IllegalStateException("Database name '" + database + "' must be letters, digits or _");
        }
        String maintenance = "jdbc:postgresql://" + matcher.group(1) + "/postgres"
                + (matcher.group(3) == null ? "" : matcher.group(3));
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        try (Connection connection = DriverManager.getConnection(maintenance, properties)) {
            if (reset) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("drop database if exists " + database + " with (force)");
                }
            }
            boolean exists;
            try (PreparedStatement query = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
                query.setString(1, database);
                try (ResultSet rs = query.executeQuery()) {
                    exists = rs.next();
                }
            }
            if (!exists) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("create database " + database);
                }
                LOG.infof("Created database %s", database);
            }
        } catch (SQLException e) {
            if ("42P04".equals(e.getSQLState())) {
                return; // created concurrently by another node
            }
            throw new IllegalStateException("Cannot reach or create database " + database + " at " + matcher.group(1)
                    + ": " + e.getMessage(), e);
        }
    }
}
