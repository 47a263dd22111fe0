package uk.nhsjob.notifier;

import org.junit.jupiter.api.Test;

import uk.nhsjob.testsupport.ServiceArchitecture;

class ArchitectureTests {

	@Test
	void featuresHaveNoCyclesAndNoOtherServiceIsUsed() {
		ServiceArchitecture.verify("uk.nhsjob.notifier");
	}

	@Test
	void featuresAreModulesThatUseOnlyWhatTheOthersExpose() {
		ServiceArchitecture.verifyModules(NotifierApplication.class);
	}

}
