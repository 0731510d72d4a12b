'use strict';

// Refuses, when a service is packaged or deployed, a stage that com.scratch.config.Stage would refuse at cold
// start: a letter first, then letters, digits and hyphens, at most 26 characters. 26 is what IAM's 64-character
// limit on role names leaves in billing-api-<stage>-<region>-lambdaRole for the longest region name
// (ap-southeast-1); tests/deploy (StageNameLimitsTest) checks that both refuse the same names and that every
// name in the packaged templates of a 26-character stage fits its AWS limit.
const MAX_LENGTH = 26;
const VALID_NAME = /^[A-Za-z][A-Za-z0-9-]*$/;

class StageNameRule {
  constructor(serverless, options) {
    this.serverless = serverless;
    this.options = options;
    this.hooks = { initialize: () => this.check() };
  }

  check() {
    const stage = String(this.options.stage || this.serverless.service.provider.stage);
    if (!VALID_NAME.test(stage)) {
      throw new this.serverless.classes.Error(`Stage name '${stage}' is not valid: it must start with a letter`
        + ' and contain only letters, digits and hyphens (deploy/stage-of-branch makes one from a branch name)');
    }
    if (stage.length > MAX_LENGTH) {
      throw new this.serverless.classes.Error(`Stage name '${stage}' is ${stage.length} characters; at most`
        + ` ${MAX_LENGTH} fit AWS's limits: IAM role names stop at 64 characters, and billing's role is`
        + ` billing-api-<stage>-<region>-lambdaRole, which in ap-southeast-1 (the longest region name) leaves`
        + ` ${MAX_LENGTH} for the stage`);
    }
  }
}

module.exports = StageNameRule;
