package uk.nhsjob.localstack.services;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import javax.tools.ToolProvider;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of a stand-in service, a real executable jar that answers the readiness
 * probe on its {@code SERVER_PORT} and prints the identity it was given.
 */
class ServiceProcessesTests {

	@TempDir
	Path folder;

	private ServiceProcesses processes;

	@Test
	void theServicesStartWithTheClientCompilerOnlyUnlessBothAreAskedFor() {
		assertThat(ServiceProcesses.jvmOptions(java.util.Map.of())).contains("-XX:TieredStopAtLevel=1");
		assertThat(ServiceProcesses.jvmOptions(java.util.Map.of(ServiceProcesses.JIT_VARIABLE, " Full ")))
			.contains("-Xmx384m")
			.noneMatch((option) -> option.startsWith("-XX:TieredStopAtLevel"));
	}

	@AfterEach
	void stop() {
		if (this.processes != null) {
			this.processes.stop((message) -> {
			});
		}
	}

	@Test
	void startsEachInstanceOnItsPortWithItsIdentityAndStartsOneAgainWithTheSameAfterAKill() throws IOException {
		int port = freePortWithAnotherAHundredAbove();
		Service matcher = new Service(Service.MATCHER, port, standInServiceJar());
		ServiceEnvironment environment = new ServiceEnvironment("mongodb://127.0.0.1:1", "127.0.0.1:1", 3, 2,
				"127.0.0.1", 1, "admin-token", "token-secret", "http://localhost:8082", "notifier-admin-token",
				"address-key");
		List<String> said = Collections.synchronizedList(new ArrayList<>());
		Path logs = this.folder.resolve("logs");

		Path stack = Files.createDirectories(this.folder.resolve("stack"));

		this.processes = ServiceProcesses.start(ServiceInstance.of(List.of(matcher), 2), environment, stack, logs);
		this.processes.awaitReady(Duration.ofMinutes(1), said::add);

		assertThat(said).anyMatch((line) -> line.startsWith("matcher-service-1 is ready on http://localhost:" + port))
			.anyMatch((line) -> line.startsWith("matcher-service-2 is ready on http://localhost:" + (port + 100)));
		assertThat(Files.readString(logs.resolve("matcher-service-1.log")))
			.contains("listening on " + port + " as matcher-local-1- with token-secret");
		assertThat(Files.readString(logs.resolve("matcher-service-2.log")))
			.contains("listening on " + (port + 100) + " as matcher-local-2- with token-secret");
		// the secrets go in the environment, not on the command line the log starts with
		assertThat(Files.readAllLines(logs.resolve("matcher-service-1.log")))
			.filteredOn((line) -> line.startsWith("===="))
			.singleElement()
			.satisfies((line) -> assertThat(line).contains("starting").doesNotContain("token-secret"));

		ServiceProcess second = this.processes.processes().get(1);
		long killed = second.process().pid();
		second.kill();
		assertThat(second.process().isAlive()).isFalse();
		second.restart();
		second.awaitReady(Duration.ofMinutes(1));

		assertThat(second.process().pid()).isNotEqualTo(killed);
		assertThat(Files.readString(logs.resolve("matcher-service-2.log"))).containsSubsequence(
				"listening on " + (port + 100) + " as matcher-local-2-",
				"listening on " + (port + 100) + " as matcher-local-2-");
	}

	private static int freePortWithAnotherAHundredAbove() throws IOException {
		for (int attempt = 0; attempt < 20; attempt++) {
			try (ServerSocket first = new ServerSocket()) {
				first.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
				int port = first.getLocalPort();
				if (port + 100 < 65536) {
					try (ServerSocket second = new ServerSocket()) {
						second.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port + 100));
						return port;
					}
					catch (IOException ex) {
						// taken: try another
					}
				}
			}
		}
		throw new IllegalStateException("No pair of free ports a hundred apart");
	}

	/** Compiles the stand-in and packs it as an executable jar. */
	private Path standInServiceJar() throws IOException {
		Path classes = Files.createDirectories(this.folder.resolve("classes"));
		Path source = this.folder.resolve("StandIn.java");
		Files.writeString(source, """
				import com.sun.net.httpserver.HttpServer;
				import java.net.InetSocketAddress;

				public class StandIn {
					public static void main(String[] args) throws Exception {
						int port = Integer.parseInt(System.getenv("SERVER_PORT"));
						HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
						server.createContext("/actuator/health/readiness", (exchange) -> {
							byte[] body = "{\\"status\\":\\"UP\\"}".getBytes();
							exchange.sendResponseHeaders(200, body.length);
							exchange.getResponseBody().write(body);
							exchange.close();
						});
						server.start();
						System.out.println("listening on " + port + " as "
								+ System.getenv("NHSJOB_MATCHER_TRANSACTION_ID_PREFIX") + " with "
								+ System.getenv("NHSJOB_MATCHER_TOKEN_SECRET"));
					}
				}
				""");
		int compiled = ToolProvider.getSystemJavaCompiler()
			.run(null, null, null, "-d", classes.toString(), source.toString());
		assertThat(compiled).as("compiled").isZero();
		Manifest manifest = new Manifest();
		manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
		manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "StandIn");
		Path jar = this.folder.resolve("matcher-service-exec.jar");
		try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
			out.putNextEntry(new JarEntry("StandIn.class"));
			Files.copy(classes.resolve("StandIn.class"), out);
			out.closeEntry();
		}
		return jar;
	}

}
