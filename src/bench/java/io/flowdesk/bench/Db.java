package io.flowdesk.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/** Plain JDBC helpers for the harness (the local PostgreSQL, user postgres). */
final class Db {

    private Db() {
    }

    static String url(String database) {
        return "jdbc:postgresql://localhost:5432/" + database;
    }

    static Connection open(String database) throws Exception {
        return DriverManager.getConnection(url(database), "postgres", "");
    }

    static void recreate(String database) throws Exception {
        try (Connection c = open("postgres"); Statement s = c.createStatement()) {
            s.execute("drop database if exists " + database + " with (force)");
            s.execute("create database " + database);
        }
    }

    static long scalar(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Rows inserted, updated, deleted per table so far (cumulative statistics). */
    static Map<String, long[]> tableWrites(Connection c) throws Exception {
        Map<String, long[]> writes = new LinkedHashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "select relname, n_tup_ins, n_tup_upd, n_tup_del from pg_stat_user_tables order by relname")) {
            while (rs.next()) {
                writes.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4)});
            }
        }
        return writes;
    }

    static long commits(Connection c, String database) throws Exception {
        return scalar(c, "select xact_commit from pg_stat_database where datname = '" + database + "'");
    }
}
