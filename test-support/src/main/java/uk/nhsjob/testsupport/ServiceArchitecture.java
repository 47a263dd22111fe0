package uk.nhsjob.testsupport;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The rules every service keeps: packaged by feature with no cycles between features, and
 * no dependency on another service; what services share goes through {@code common}'s
 * contracts or {@code platform}.
 */
public final class ServiceArchitecture {

	private static final String[] SERVICES = { "uk.nhsjob.ingest", "uk.nhsjob.matcher", "uk.nhsjob.notifier" };

	private ServiceArchitecture() {
	}

	/**
	 * Checks the rules for the service whose base package is given, e.g.
	 * uk.nhsjob.ingest.
	 */
	public static void verify(String basePackage) {
		JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages(basePackage);
		slices().matching(basePackage + ".(*)..").should().beFreeOfCycles().check(classes);
		for (String other : SERVICES) {
			if (!other.equals(basePackage)) {
				noClasses().should().dependOnClassesThat().resideInAPackage(other + "..").check(classes);
			}
		}
		noClasses().should()
			.dependOnClassesThat()
			.resideInAnyPackage("..testsupport..", "org.junit..", "org.mockito..")
			.check(classes);
	}

}
