package org.isrcregistry.api.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The modules' boundaries, over the main classes of every module on the application's class path (core,
 * projections, api, ledger-verifier): dependencies point one way (api → projections → core), the domain knows nothing
 * of Spring, SQL or the web, and the feature packages of each module form no cycle.
 */
@AnalyzeClasses(packages = "org.isrcregistry", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule coreIsTheDomainOnly = noClasses().that().resideInAPackage("org.isrcregistry.core..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..", "javax.sql..",
                    "jakarta.servlet..", "org.apache.kafka..", "org.postgresql..", "org.isrcregistry.projections..",
                    "org.isrcregistry.api..")
            .because("registry-core is the ISRC domain: no framework, no SQL, no web (README, Architecture)");

    @ArchTest
    static final ArchRule projectionsDoNotKnowTheApi = noClasses().that()
            .resideInAPackage("org.isrcregistry.projections..")
            .should().dependOnClassesThat().resideInAPackage("org.isrcregistry.api..")
            .because("dependencies point one way: registry-api → projections → registry-core");

    @ArchTest
    static final ArchRule theLedgerVerifierIsTheJdkOnly = classes().that().resideInAPackage("org.isrcregistry.ledger..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.isrcregistry.ledger..")
            .because("auditors run ledger-verifier alone: no Spring, no database (docs/ledger.md)");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("org.isrcregistry.(*).(*)..").should().beFreeOfCycles()
            .because("a package is a feature or a role that can be read, changed and tested from its dependencies up");
}
