package dev.dataversebdd.cli;

import dev.dataversebdd.conformance.Replay;
import dev.dataversebdd.emulator.core.BehaviourProfile;
import dev.dataversebdd.emulator.http.DataverseEmulator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apiguardian.api.API;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code conformance replay <recording.jsonl> [--behaviour-file F]}: replays a recording against a fresh embedded
 * emulator and prints every answer that differs; exits 0 only when none does.
 */
@API(status = API.Status.INTERNAL, since = "0.2")
@Command(name = "replay", sortOptions = false,
        description = {"Replays a recording (dataverse.record=FILE) against a fresh embedded emulator, optionally "
                + "calibrated with a behaviour profile, and prints every answer that differs from the recorded one (ids "
                + "mapped, ETags and hosts normalised)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every answer as recorded", "1:some answers differ", "2:a usage error, or a file that cannot be read"})
public final class ConformanceReplayCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<recording.jsonl>", description = "a recording of a run")
    Path recording;

    @Option(names = "--behaviour-file", paramLabel = "FILE", description = "a behaviour profile for the emulator")
    Path behaviourFile;

    ConformanceReplayCommand() {
    }

    @Override
    public Integer call() {
        if (!Files.isReadable(recording)) {
            throw new ParameterException(spec.commandLine(), recording + " does not exist or cannot be read");
        }
        BehaviourProfile profile = BehaviourProfile.defaults();
        try {
            profile = behaviourFile == null ? profile : profile.withFile(behaviourFile);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        try (DataverseEmulator emulator = DataverseEmulator.builder().profile(profile).start()) {
            List<Replay.Difference> differences = new Replay(emulator.baseUri()).replay(recording);
            differences.forEach(d -> out.println("differs: " + d));
            out.println(differences.isEmpty() ? "replay: every answer as recorded"
                    : "replay: " + differences.size() + " answer(s) differ");
            return differences.isEmpty() ? CommandLines.OK : CommandLines.FOUND_A_PROBLEM;
        } catch (IOException | IllegalArgumentException e) {
            throw new CommandException("cannot replay " + recording + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CommandLines.FOUND_A_PROBLEM;
        }
    }
}
