// Each provider's data reader, by provider id: the one place the companion picks code by provider.
import { ProviderId } from "../../common/providers";
import { fitbitWeb } from "./fitbit-web";
import { googleHealth } from "./google-health";
import { DataProvider } from "./provider";

export const READERS: { [id in ProviderId]: DataProvider } = {
  google: googleHealth,
  fitbit: fitbitWeb,
};
