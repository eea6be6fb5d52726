package dev.parley.bus;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bus between Parley instances that share a PostgreSQL database: {@code LISTEN/NOTIFY}, an
 * engine PostgreSQL already has, and no networking of Parley's own. Every instance listens on one
 * channel ({@value #CHANNEL}); a message is a small JSON envelope naming the bus channel, and a
 * payload too large for a notification (PostgreSQL's limit is 8,000 bytes) is written to
 * {@code bus_message} and only its id notified. Each instance hands what it hears to its own
 * listeners ({@link LocalEventBus}), its own messages included (PostgreSQL notifies the sender's
 * database session too, so an instance hears itself exactly as the others hear it).
 *
 * <p>Publishing never blocks the caller: messages go on a queue that one thread sends, in order.
 * pgjdbc only receives notifications when asked, so a second thread holds a connection of its own
 * and polls it; a lost connection is reopened with a back-off, and said once in the log.
 */
public final class PostgresEventBus implements EventBus, SmartLifecycle {

    static final String CHANNEL = "parley";
    /** Below PostgreSQL's 8,000-byte notification limit, with room for the envelope. */
    static final int MAX_INLINE = 7_000;
    static final Duration KEEP_LARGE = Duration.ofMinutes(5);
    private static final int MAX_QUEUED = 100_000;

    private static final Logger log = LoggerFactory.getLogger(PostgresEventBus.class);

    private record Outgoing(String channel, String payload) {
    }

    private final DataSource dataSource;
    private final JsonMapper json;
    private final LocalEventBus local = new LocalEventBus();
    private final LinkedBlockingQueue<Outgoing> outgoing = new LinkedBlockingQueue<>(MAX_QUEUED);
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong viaTable = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean running;
    private Thread sender;
    private Thread listener;

    public PostgresEventBus(DataSource dataSource, JsonMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    @Override
    public void publish(String channel, String payload) {
        if (!outgoing.offer(new Outgoing(channel, payload))) {
            // Bounded: a database that is away must not take the instance's memory with it.
            if (dropped.getAndIncrement() % 1000 == 0) {
                log.warn("The event bus is {} messages behind; dropping", MAX_QUEUED);
            }
        }
    }

    @Override
    public Subscription subscribe(String channel, Listener listener) {
        return local.subscribe(channel, listener);
    }

    /** Messages sent, heard (all instances' own included), and sent through the table: for the log and the load run. */
    public String traffic() {
        return "published " + published.get() + ", received " + received.get() + ", via the table " + viaTable.get()
                + ", dropped " + dropped.get();
    }

    private void send() {
        while (running || !outgoing.isEmpty()) {
            try (Connection connection = dataSource.getConnection()) {
                while (running || !outgoing.isEmpty()) {
                    Outgoing next = outgoing.poll(1, TimeUnit.SECONDS);
                    if (next != null) {
                        notify(connection, next);
                        published.incrementAndGet();
                    }
                }
            } catch (SQLException e) {
                log.warn("The event bus cannot send ({}); retrying", e.getMessage());
                pause();
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void notify(Connection connection, Outgoing message) throws SQLException {
        String inline = envelope(message.channel(), message.payload(), null);
        String notification = inline;
        if (inline.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_INLINE) {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO bus_message (channel, payload,"
                    + " created_at) VALUES (?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                insert.setString(1, message.channel());
                insert.setString(2, message.payload());
                insert.setTimestamp(3, Timestamp.from(Instant.now()));
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    notification = envelope(message.channel(), null, keys.getLong(1));
                }
            }
            viaTable.incrementAndGet();
        }
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_notify(?, ?)")) {
            statement.setString(1, CHANNEL);
            statement.setString(2, notification);
            statement.execute();
        }
    }

    private String envelope(String channel, String payload, Long ref) {
        var node = json.createObjectNode().put("c", channel);
        if (ref != null) {
            node.put("r", ref);
        } else {
            node.put("p", payload);
        }
        return json.writeValueAsString(node);
    }

    private void listen() {
        boolean told = false;
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                if (told) {
                    log.info("The event bus hears the other instances again");
                    told = false;
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                long lastCleanup = System.nanoTime();
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(1000);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            heard(connection, notification.getParameter());
                        }
                    }
                    if (System.nanoTime() - lastCleanup > Duration.ofMinutes(1).toNanos()) {
                        cleanup(connection);
                        lastCleanup = System.nanoTime();
                    }
                }
            } catch (SQLException e) {
                if (running && !told) {
                    log.warn("The event bus lost its database connection ({}); reconnecting", e.getMessage());
                    told = true;
                }
                pause();
            }
        }
    }

    private void heard(Connection connection, String envelope) throws SQLException {
        received.incrementAndGet();
        JsonNode message;
        try {
            message = json.readTree(envelope);
        } catch (RuntimeException e) {
            log.warn("A malformed bus notification was ignored");
            return;
        }
        String channel = message.path("c").asString();
        String payload = message.has("r") ? stored(connection, message.path("r").asLong()) : message.path("p").asString();
        if (payload != null) {
            local.deliver(channel, payload);
        }
    }

    private static String stored(Connection connection, long id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT payload FROM bus_message WHERE id = ?")) {
            select.setLong(1, id);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    private static void cleanup(Connection connection) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM bus_message WHERE created_at < ?")) {
            delete.setTimestamp(1, Timestamp.from(Instant.now().minus(KEEP_LARGE)));
            delete.executeUpdate();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void start() {
        running = true;
        sender = Thread.ofPlatform().name("parley-bus-send").daemon().start(this::send);
        listener = Thread.ofPlatform().name("parley-bus-listen").daemon().start(this::listen);
    }

    /** Stops after the senders of events: what is queued is still sent. */
    @Override
    public void stop() {
        running = false;
        try {
            sender.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.info("Event bus: {}", traffic());
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return -10;
    }
}
