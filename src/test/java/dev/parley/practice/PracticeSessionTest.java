package dev.parley.practice;

import dev.parley.support.ParleyTest;
import dev.parley.support.WsClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Base of the end-to-end tests against the embedded practice servers: a fresh WebSocket and fresh mailboxes each time. */
@ParleyTest
abstract class PracticeSessionTest {

    @LocalServerPort
    int appPort;

    @Autowired
    PracticeServers practice;

    WsClient ws;

    @BeforeEach
    void openSession() throws Exception {
        practice.reseed();
        ws = WsClient.open(appPort);
    }

    @AfterEach
    void closeSession() throws Exception {
        ws.close();
    }

    int port(String protocol, String tls) {
        return practice.endpoint(protocol, tls).port();
    }

    WsClient.Answer greet(String protocol) throws Exception {
        return ws.greeting(protocol, "localhost", port(protocol, "none"), "none");
    }
}
