package uk.nhsjob.matcher;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

import uk.nhsjob.testsupport.ServiceArchitecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The service's packages by feature, and the direction between them: {@code alert} (the
 * aggregate, its {@code web} side and its signed {@code link}s), the match {@code index},
 * and the {@code matching} runtime that uses both.
 */
class ArchitectureTests {

	private static final JavaClasses SERVICE = ServiceArchitecture.classesOf("uk.nhsjob.matcher");

	@Test
	void keepsTheRulesOfEveryService() {
		ServiceArchitecture.verify("uk.nhsjob.matcher");
	}

	@Test
	void featuresDoNotDependOnEachOtherInACycle() {
		slices().matching("uk.nhsjob.matcher.(*)..").should().beFreeOfCycles().check(SERVICE);
	}

	@Test
	void featuresAreSpringModulithModules() {
		ServiceArchitecture.verifyModules(MatcherApplication.class);
	}

	/** The preview reaches them through the port they declare, {@code MatchPreviews}. */
	@Test
	void alertsKnowNothingOfMatching() {
		noClasses().that()
			.resideInAPackage("uk.nhsjob.matcher.alert..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("uk.nhsjob.matcher.matching..", "uk.nhsjob.matcher.index..")
			.check(SERVICE);
	}

	@Test
	void theIndexKnowsNothingOfTheRuntime() {
		noClasses().that()
			.resideInAPackage("uk.nhsjob.matcher.index..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("uk.nhsjob.matcher.matching..", "org.springframework..", "org.apache.kafka..")
			.check(SERVICE);
	}

	@Test
	void onlyTheWebSideKnowsTheWebSide() {
		noClasses().that()
			.resideOutsideOfPackage("uk.nhsjob.matcher.alert.web..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("uk.nhsjob.matcher.alert.web..")
			.check(SERVICE);
	}

	@Test
	void dependsOnNoOtherServiceNorOnTestLibraries() {
		noClasses().should()
			.dependOnClassesThat()
			.resideInAnyPackage("uk.nhsjob.ingest..", "uk.nhsjob.notifier..", "..testsupport..", "org.junit..",
					"org.mockito..")
			.check(SERVICE);
	}

	/**
	 * The service calls nothing over HTTP, itself least of all: the pages ask the preview
	 * in process (docs/alerts.md, "Preview").
	 */
	@Test
	void usesNoHttpClient() {
		noClasses().should()
			.dependOnClassesThat()
			.haveFullyQualifiedName("org.springframework.web.client.RestClient")
			.orShould()
			.dependOnClassesThat()
			.haveFullyQualifiedName("org.springframework.web.client.RestTemplate")
			.orShould()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework.web.reactive.function.client..", "java.net.http..",
					"org.apache.hc..")
			.orShould()
			.dependOnClassesThat()
			.haveFullyQualifiedName("java.net.HttpURLConnection")
			.check(SERVICE);
	}

	@Test
	void onlyTheMatcherPublishesMatches() {
		noClasses().that()
			.resideOutsideOfPackage("uk.nhsjob.matcher.matching..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("uk.nhsjob.common.match..")
			.check(SERVICE);
	}

}
