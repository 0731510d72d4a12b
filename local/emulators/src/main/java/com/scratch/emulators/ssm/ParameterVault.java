package com.scratch.emulators.ssm;

import java.util.List;
import java.util.Optional;

/**
 * Where an {@link SsmEmulator} keeps its parameters, so storage can change (in memory, an encrypted file)
 * without touching the wire protocol. The emulator owns the rules (versions, overwrite checks) and
 * serialises all writes; an implementation only has to keep and return what it is given and allow
 * reads concurrent with one writer.
 *
 * <pre>{@code
 * ParameterVault vault = new InMemoryParameterVault();
 * try (SsmEmulator ssm = SsmEmulator.start(0, vault)) { ... }
 * }</pre>
 */
public interface ParameterVault {

    Optional<VaultEntry> find(String name);

    /** Every parameter, sorted by name. */
    List<VaultEntry> all();

    /** Keeps the parameter, replacing one with the same name. */
    void save(VaultEntry parameter);

    /** @return whether there was a parameter with that name */
    boolean delete(String name);

    /** Forgets every parameter. */
    void clear();
}
