package dev.parley.replay;

import dev.parley.session.SessionOwner;

import dev.parley.replay.ReplayCommandLine.Arguments;
import dev.parley.replay.ReplayCommandLine.UsageException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar parley.jar replay …} (CONTRACTS.md §8): replays transcript files against a
 * server, prints a readable report, optionally writes JUnit XML and SVG ladders, and exits
 * {@value #PASSED} when every transcript passed, {@value #FAILED} when any failed or could not
 * reach its server, {@value #BAD_INPUT} on bad input (arguments, files, transcripts, variables, a
 * target the policy refuses).
 *
 * <p>It runs the same {@link ReplayService} as {@code POST /api/replay}, in a small Spring context
 * of its own ({@link ReplayCommandBeans}): the engine, the target policy and the limits, bound
 * from the same {@code parley.*} settings (application.properties, the environment,
 * {@code --parley.NAME=VALUE}), and nothing else: no web server, no practice servers, no database.
 */
public final class ReplayCommand {

    public static final int PASSED = 0;
    public static final int FAILED = 1;
    public static final int BAD_INPUT = 2;

    /** A transcript file is read whole; the REST door accepts the same at most. */
    static final long MAX_FILE_OCTETS = 10L * 1024 * 1024;

    private ReplayCommand() {
    }

    /** Runs the command; returns the exit code. {@code env} is where {@code --secret} values come from. */
    public static int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
        Arguments arguments;
        List<ReplayInput> inputs;
        ReplayOptions options;
        try {
            arguments = ReplayCommandLine.parse(args, env);
            if (arguments.help()) {
                out.print(ReplayCommandLine.USAGE);
                return PASSED;
            }
            inputs = inputs(arguments.files());
            options = ReplayOptions.of(arguments.match(), !arguments.keepGoing(), arguments.timeLimit(),
                    arguments.answerTimeout());
        } catch (UsageException e) {
            return badInput(err, e.getMessage());
        } catch (ReplayInputException e) {
            return badInput(err, option(e.field()) + ": " + e.reason());
        }
        ReplaySpec spec = new ReplaySpec(inputs, arguments.target(), arguments.variables(), arguments.secrets(), options,
                arguments.parallel());
        ConfigurableApplicationContext context;
        try {
            context = start(arguments.settings());
        } catch (RuntimeException e) {
            return badInput(err, "the settings could not be used: " + rootMessage(e));
        }
        try (context) {
            SuiteRun run = context.getBean(ReplayService.class).run(spec, SessionOwner.NOBODY);
            ConsoleReport.print(run, out);
            int code = run.passed() ? PASSED : FAILED;
            if (run.runs().stream().anyMatch(r -> r.report().error() != null
                    && "TARGET_DENIED".equals(r.report().error().code()))) {
                code = BAD_INPUT;
            }
            return write(arguments, run, out, err) ? code : BAD_INPUT;
        } catch (ReplayInputException e) {
            String where = e.input() >= 0 ? inputs.get(e.input()).name() + ": " : "";
            boolean saysItself = e.field().equals("transcript") || e.field().startsWith("variables.");
            return badInput(err, where + (saysItself ? "" : option(e.field()) + ": ") + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("parley replay: interrupted");
            return FAILED;
        }
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.getenv(), System.out, System.err));
    }

    private static ConfigurableApplicationContext start(List<String> settings) {
        SpringApplication app = new SpringApplication(ReplayCommandBeans.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setBannerMode(Banner.Mode.OFF);
        app.setLogStartupInfo(false);
        app.setRegisterShutdownHook(false);
        return app.run(settings.toArray(String[]::new));
    }

    /** The JUnit report and the ladders of failing replays, when asked for; false when one cannot be written. */
    private static boolean write(Arguments arguments, SuiteRun run, PrintStream out, PrintStream err) {
        try {
            if (arguments.junit() != null) {
                Path parent = arguments.junit().toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                Files.writeString(arguments.junit(), JUnitXml.write(run, "parley replay"), StandardCharsets.UTF_8);
                out.println("JUnit report: " + arguments.junit());
            }
            if (arguments.svg() != null) {
                Files.createDirectories(arguments.svg());
                for (ReplayRun r : run.runs()) {
                    if (!r.report().passed()) {
                        Path file = arguments.svg().resolve(fileName(r.report().name()) + ".svg");
                        Files.writeString(file, ReplayLadder.render(r), StandardCharsets.UTF_8);
                        out.println("Ladder of " + ConsoleReport.visible(r.report().name()) + ": " + file);
                    }
                }
            }
            return true;
        } catch (IOException e) {
            err.println("parley replay: could not write the report: " + e);
            return false;
        }
    }

    /** Every file named, and every *.txt below each directory named, in name order within a directory. */
    static List<ReplayInput> inputs(List<Path> paths) throws UsageException {
        List<ReplayInput> inputs = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                List<Path> found;
                try (Stream<Path> walk = Files.walk(path)) {
                    found = walk.filter(Files::isRegularFile)
                            .filter(p -> p.getFileName().toString().endsWith(".txt"))
                            .filter(p -> !p.getFileName().toString().startsWith("."))
                            .sorted().toList();
                } catch (IOException e) {
                    throw new UsageException(path + ": cannot be read (" + e.getMessage() + ")");
                }
                if (found.isEmpty()) {
                    throw new UsageException(path + ": no transcript (*.txt) in this directory");
                }
                for (Path file : found) {
                    inputs.add(new ReplayInput(file.normalize().toString(), read(file), null));
                }
            } else if (Files.isRegularFile(path)) {
                inputs.add(new ReplayInput(path.normalize().toString(), read(path), null));
            } else {
                throw new UsageException(path + ": no such file or directory");
            }
        }
        return inputs;
    }

    private static String read(Path file) throws UsageException {
        try {
            if (Files.size(file) > MAX_FILE_OCTETS) {
                throw new UsageException(String.format(Locale.ROOT, "%s: larger than %,d octets (10 MB), the most a"
                        + " transcript may be", file, MAX_FILE_OCTETS));
            }
            byte[] bytes = Files.readAllBytes(file);
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new UsageException(file + ": not UTF-8 text; a transcript is text in the C:/S: format");
        } catch (IOException e) {
            throw new UsageException(file + ": cannot be read (" + e.getMessage() + ")");
        }
    }

    /** The REST field an option error names, as the command line's option. */
    private static String option(String field) {
        return switch (field) {
            case "match" -> "--match";
            case "timeLimitSeconds" -> "--time-limit";
            case "answerTimeoutSeconds" -> "--answer-timeout";
            case "parallel" -> "--parallel";
            case "secrets" -> "--secret";
            case "variables" -> "--var";
            default -> field.startsWith("target.") ? "--target" : field;
        };
    }

    /** A report's name as one file name: {@code lesson/smtp.txt} becomes {@code lesson_smtp.txt}, never hidden. */
    static String fileName(String name) {
        String flat = name.replaceAll("[^A-Za-z0-9._-]+", "_").replaceAll("^[._]+", "");
        return flat.isEmpty() ? "transcript" : flat;
    }

    private static int badInput(PrintStream err, String message) {
        err.println("parley replay: " + ConsoleReport.visible(message));
        err.println("Run `java -jar parley.jar replay --help` for the options.");
        return BAD_INPUT;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
