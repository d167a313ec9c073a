package org.clausecam.cli;

import org.clausecam.fetch.FaultServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BadDeclarationsTrackTest {

    @TempDir
    static Path work;
    static FaultServer server;

    @BeforeAll
    static void start() throws Exception {
        server = FaultServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void probe() throws Exception {
        Path d = Files.createDirectories(work.resolve("declarations"));
        String ok = server.url("/ok/terms").toString();
        Files.writeString(d.resolve("Good.json"), "{ \"name\": \"Good\", \"terms\": { \"Terms of Service\": { \"fetch\": \"" + ok + "\", \"select\": [\"body\"], \"executeClientScripts\": false } } }");
        Files.writeString(d.resolve("Malformed.json"), "{ \"name\": \"Malformed\", \"terms\": { \"Terms of Service\": { \"fetch\": \"" + ok + "\", } }");
        Files.writeString(d.resolve("UnknownType.json"), "{ \"name\": \"UnknownType\", \"terms\": { \"Terms of Servise\": { \"fetch\": \"" + ok + "\", \"select\": [\"body\"] } } }");
        Files.writeString(d.resolve("BadSelector.json"), "{ \"name\": \"BadSelector\", \"terms\": { \"Terms of Service\": { \"fetch\": \"" + ok + "/sel\", \"select\": [\"main[[\"], \"executeClientScripts\": false } } }");
        Files.writeString(d.resolve("NotHttp.json"), "{ \"name\": \"NotHttp\", \"terms\": { \"Terms of Service\": { \"fetch\": \"ftp://example.com/terms\", \"select\": [\"body\"] } } }");
        Files.writeString(d.resolve("Duplicate.json"), "{ \"name\": \"Duplicate\", \"terms\": { \"Terms of Service\": { \"combine\": [ { \"fetch\": \"" + ok + "/dup\", \"select\": [\"body\"] }, { \"fetch\": \"" + ok + "/dup\", \"select\": [\"body\"] } ], \"executeClientScripts\": false } } }");
        Files.writeString(d.resolve("NoSuchFilter.json"), "{ \"name\": \"NoSuchFilter\", \"terms\": { \"Terms of Service\": { \"fetch\": \"" + ok + "/f\", \"select\": [\"body\"], \"filter\": [\"noSuchFilter\"] } } }");
        Files.writeString(d.resolve("Throwing.json"), "{ \"name\": \"Throwing\", \"terms\": { \"Terms of Service\": { \"fetch\": \"" + ok + "/t\", \"select\": [\"body\"], \"filter\": [\"explode\"], \"executeClientScripts\": false } } }");
        Files.writeString(d.resolve("Throwing.filters.js"), "export function explode(document) { throw new Error('boom in explode'); }\n");
        TrackEndToEndTest.Run run = TrackEndToEndTest.clausecam("track", "--declarations", d.toString(), "--store", "file:" + work.resolve("store"),
                "--allow-private-network", "--no-screenshots", "--host-delay", "0");
        System.out.println(run.output());
        assertEquals(1, run.exit());
    }
}
