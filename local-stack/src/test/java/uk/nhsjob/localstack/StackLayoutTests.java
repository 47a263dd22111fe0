package uk.nhsjob.localstack;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class StackLayoutTests {

	private final Path cwd = Path.of("/work/repo");

	@Test
	void keepsTheDataInDotLocalStackUnderTheRootByDefault() {
		StackLayout layout = StackLayout.resolve(Map.of(), null, null, this.cwd);

		assertThat(layout.root()).isEqualTo(this.cwd);
		assertThat(layout.data()).isEqualTo(Path.of("/work/repo/.local-stack"));
		assertThat(layout.kafka(1)).isEqualTo(Path.of("/work/repo/.local-stack/kafka"));
		assertThat(layout.kafka(3)).isEqualTo(Path.of("/work/repo/.local-stack/kafka-cluster-3"));
		assertThat(layout.logs()).isEqualTo(Path.of("/work/repo/.local-stack/logs"));
		assertThat(layout.kafkaLibs()).isEqualTo(Path.of("/work/repo/local-stack/target/kafka-libs"));
		assertThat(layout.display(layout.mongoFile())).isEqualTo(".local-stack/mongo/nhsjob.mv");
		assertThat(layout.sampleTemplates()).isEqualTo(Path.of("/work/repo/samples/feeds"));
		assertThat(layout.demoFeed()).isEqualTo(Path.of("/work/repo/.local-stack/samples/demo-feed.json"));
	}

	@Test
	void takesTheDataFolderFromLocalStackDirRelativeToTheRoot() {
		assertThat(StackLayout.resolve(Map.of("LOCAL_STACK_DIR", "tmp/stack"), null, null, this.cwd).data())
			.isEqualTo(Path.of("/work/repo/tmp/stack"));
		assertThat(StackLayout.resolve(Map.of("LOCAL_STACK_DIR", "/var/stack"), "/elsewhere", null, this.cwd))
			.isEqualTo(new StackLayout(Path.of("/elsewhere"), Path.of("/var/stack")));
		assertThat(StackLayout.resolve(Map.of("LOCAL_STACK_DIR", "/var/stack"), null, "/opt/stack", this.cwd).data())
			.isEqualTo(Path.of("/opt/stack"));
	}

	@Test
	void refusesARootThatIsNotTheRepository() {
		assertThatIllegalStateException()
			.isThrownBy(() -> StackLayout.resolve(Map.of(), null, null, Path.of("/")).requireRepository())
			.withMessageContaining("./run-local.sh");
	}

}
